import { Incoming, IncomingAccept, IncomingAttach, IncomingListQuery, IncomingPage } from '../incoming.ts';
import { Lead } from '../leads.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'incoming.list': {
    summary: 'Incoming requests (forms, calls, mail, chats), newest first, with the count of new ones',
    query: IncomingListQuery,
    response: IncomingPage,
  },
  'incoming.get': { summary: 'Get an incoming request', response: Incoming },
  'incoming.accept': {
    summary: 'Accept a request: a lead with its contact (the known one by phone or e-mail, else a new one)',
    body: IncomingAccept,
    response: Lead,
    status: 201,
  },
  'incoming.attach': {
    summary: "Accept a request into a lead that exists: its contact joins the lead, its message becomes the lead's note",
    body: IncomingAttach,
    response: Lead,
  },
  'incoming.decline': { summary: 'Decline a request', response: Incoming },
} as const satisfies GroupOperations<'incoming'>;
