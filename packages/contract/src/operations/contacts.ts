import { ListQuery, page } from '../common.ts';
import { Contact, ContactCreate, ContactListQuery, ContactPatch, ContactWriteQuery, LinkedLead } from '../contacts.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'contacts.list': { summary: 'List contacts', query: ContactListQuery, response: page(Contact) },
  'contacts.create': {
    summary: 'Create a contact (409 with existingId on a known phone or e-mail, unless allowDuplicate)',
    query: ContactWriteQuery,
    body: ContactCreate,
    response: Contact,
    status: 201,
  },
  'contacts.get': { summary: 'Get a contact', response: Contact },
  'contacts.patch': { summary: 'Change a contact', query: ContactWriteQuery, body: ContactPatch, response: Contact },
  'contacts.delete': { summary: 'Move a contact to the trash (it leaves its leads)', status: 204 },
  'contacts.leads': { summary: "A contact's leads", query: ListQuery, response: page(LinkedLead) },
} as const satisfies GroupOperations<'contacts'>;
