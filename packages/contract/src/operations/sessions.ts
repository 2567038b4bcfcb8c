import { SessionRecorded } from '../settings.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'sessions.create': {
    summary: "Record the caller's sign-in (time, address, device), once per token's auth_time; the web app calls it after sign-in",
    response: SessionRecorded,
    status: 201,
  },
} as const satisfies GroupOperations<'sessions'>;
