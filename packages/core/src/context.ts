// Who is acting, in which account: built only from the verified token.
import type { Actor } from '@crm/contract';

export type Role = 'admin' | 'manager' | (string & {});

export interface Caller {
  accountId: string;
  userId: string;
  role: Role;
  groupId: string | null;
}

/** Per-request options of a mutation that the HTTP layer passes down. */
export interface WriteOptions {
  /** The expected `version` from If-Match. */
  ifMatch?: number;
  /**
   * Idempotency-Key and a hash of the request it came with; `claim` is the token of a key
   * claimed before a side effect outside the table (write/idempotency.ts, `claimed`); `keepSeconds`
   * keeps the record longer than 24 h (an import's records are found by their keys for its undo).
   */
  idempotency?: { key: string; requestHash: string; claim?: string; keepSeconds?: number };
}

export const userActor = (caller: Caller): Actor => ({ type: 'user', id: caller.userId });
