// Who is acting, in which account: built only from the verified token.
import type { Actor } from '@crm/contract';

export type RightEntity = 'leads' | 'contacts' | 'companies' | 'tasks';
export type Action = 'view' | 'edit' | 'delete' | 'export';
export type Scope = 'none' | 'own' | 'group' | 'all';
/** A role's matrix: per entity type and action, whose records (rights.ts judges by it). */
export type Rights = Record<RightEntity, Record<Action, Scope>>;

export type Role = 'admin' | 'manager' | (string & {});

export interface Caller {
  accountId: string;
  userId: string;
  role: Role;
  groupId: string | null;
  /** The role's rights as read with the user on this request (absent: the built-in role's). */
  rights?: Rights;
  /** The users of the caller's group, read only when a right of the caller is `group`. */
  groupMembers?: string[];
  /** The account's IP allow-list as read on this request ([] = any address). */
  ipAllowlist?: string[];
  /** Who the event log names when not this user: `integration` for an API key. */
  actor?: Actor;
  /** An API key's scopes: the only operations it may call (contract scopes.ts). */
  scopes?: readonly string[];
}

/** Per-request options of a mutation that the HTTP layer passes down. */
export interface WriteOptions {
  /** The expected `version` from If-Match. */
  ifMatch?: number;
  /**
   * Idempotency-Key and a hash of the request it came with; `claim` is the token of a key
   * claimed before a side effect outside the table (write/idempotency.ts, `claimed`); `keepSeconds`
   * keeps the record longer than 24 h (an import's records are found by their keys for its undo);
   * `fresh`: no earlier request can have used the key, so it is not looked up first (the commit's
   * condition on the record still turns a repeat into a replay).
   */
  idempotency?: { key: string; requestHash: string; claim?: string; keepSeconds?: number; fresh?: boolean };
}

export const userActor = (caller: Caller): Actor => ({ type: 'user', id: caller.userId });
