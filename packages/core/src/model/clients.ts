// What contacts and companies (the client base) share: phones and e-mails as stored and
// compared, list orders and filters, and the owner a caller may list.
import type { CLIENT_SORTS } from '@crm/contract';
import type { Caller } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { scopeOf, type RightEntity } from '../rights.ts';
import { fold } from '../text.ts';
import { emailKey, phoneDigits } from './phones.ts';

type Channel = { value: string; type: string };

/** Phones and e-mails as stored, with the keys they are compared by; a phone without digits is a 400 on its path. */
export function channelsOf(phones: Channel[], emails: Channel[]) {
  const digits = phones.map((p, i) => {
    const d = phoneDigits(p.value);
    if (!d) throw invalid('A phone number needs digits', [{ path: `phones.${i}.value`, message: 'not a phone number' }]);
    return d;
  });
  return {
    phones: phones.map(({ value, type }) => ({ value, type })),
    emails: emails.map(({ value, type }) => ({ value: emailKey(value), type })),
    phoneDigits: [...new Set(digits)],
    emailKeys: [...new Set(emails.map((e) => emailKey(e.value)))],
  };
}

export type ClientSort = (typeof CLIENT_SORTS)[number];
export type SortIndex = 'byId' | 'byName' | 'byUpdated' | 'byNearestTask';

/** The index a sort reads; `createdAt` is the id order (ids are ULIDs). */
export function sortIndex(sort: ClientSort): SortIndex {
  const field = sort.replace(/^-/, '');
  if (field === 'name') return 'byName';
  if (field === 'updatedAt') return 'byUpdated';
  if (field === 'nearestTask') return 'byNearestTask';
  return 'byId';
}

export const orderOf = (sort: ClientSort) => (sort.startsWith('-') ? ('desc' as const) : ('asc' as const));

/**
 * The responsible user a list is narrowed to, read through the by-responsible index: a caller
 * who may view only their own records sees only those; with `group`, a member of their group
 * must be named (one Query per page on that member's index, never a page filtered to nothing).
 */
export function listedOwner(caller: Caller, entity: RightEntity, asked: string | undefined) {
  const scope = scopeOf(caller, entity, 'view');
  if (scope === 'none') throw forbidden();
  if (scope === 'own') {
    if (asked && asked !== caller.userId) throw forbidden('You may view only your own records');
    return caller.userId;
  }
  if (scope === 'group') {
    const members = caller.groupMembers ?? [caller.userId];
    if (asked && !members.includes(asked)) throw forbidden('You may view only the records of your group');
    return asked ?? caller.userId;
  }
  return asked;
}

/**
 * With `view: group` and no member named, the whole group's records are listed: the members
 * to read (each on its own by-responsible index, page.ts `mergedPageOf`); otherwise null and
 * `listedOwner` says whose.
 */
export function listedMembers(caller: Caller, entity: RightEntity, asked: string | undefined): string[] | null {
  if (asked || scopeOf(caller, entity, 'view') !== 'group') return null;
  const members = caller.groupMembers ?? [caller.userId];
  return members.length > 1 ? [...new Set([caller.userId, ...members])] : null;
}

// ElectroDB's where-callback arguments, loosely: both entities have these attributes.
type Attributes = Record<string, unknown>;
type Operations = Record<'eq' | 'contains', (attribute: any, value: any) => string>;

export interface ClientFilters {
  q?: string;
  tag?: string;
  responsibleUserId?: string;
  phone?: string;
  email?: string;
  companyId?: string;
  /** A group's members, when the list is the group's (listedMembers). */
  members?: string[];
}

/** The FilterExpression of a list page: every filter its index does not already answer. */
export function filterExpression(a: Attributes, op: Operations, f: ClientFilters, answered: ReadonlySet<keyof ClientFilters>) {
  const parts: string[] = [];
  const wanted = (k: keyof ClientFilters) => f[k] !== undefined && !answered.has(k);
  if (wanted('q')) parts.push(op.contains(a.nameFolded, fold(f.q!)));
  if (wanted('tag')) parts.push(op.contains(a.tags, f.tag));
  if (wanted('responsibleUserId')) parts.push(op.eq(a.responsibleUserId, f.responsibleUserId));
  if (wanted('phone')) parts.push(op.contains(a.phoneDigits, phoneDigits(f.phone!)));
  if (wanted('email')) parts.push(op.contains(a.emailKeys, emailKey(f.email!)));
  if (wanted('companyId')) parts.push(op.eq(a.companyId, f.companyId));
  if (wanted('members')) parts.push(oneOf(op, a.responsibleUserId, f.members!));
  return parts.join(' AND ');
}

/** `attribute` is one of `values`: the filter of a group's list on an index other than the members' own. */
export const oneOf = (op: Pick<Operations, 'eq'>, attribute: unknown, values: readonly string[]) =>
  `(${values.map((v) => op.eq(attribute, v)).join(' OR ')})`;

/** A stored contact or company, as far as its list's filters and orders look at it. */
interface ClientRecord {
  nameFolded: string;
  tags?: string[];
  responsibleUserId: string;
  phoneDigits?: string[];
  emailKeys?: string[];
  companyId?: string;
  updatedAt: string;
  nearestTaskAt?: string;
}

/** `filterExpression` judged in memory, on a record read by id (a `q` answered through the search index). */
export function clientMatches(r: ClientRecord, f: ClientFilters) {
  return (
    (f.q === undefined || r.nameFolded.includes(fold(f.q))) &&
    (f.tag === undefined || (r.tags ?? []).includes(f.tag)) &&
    (f.responsibleUserId === undefined || r.responsibleUserId === f.responsibleUserId) &&
    (f.phone === undefined || (r.phoneDigits ?? []).includes(phoneDigits(f.phone))) &&
    (f.email === undefined || (r.emailKeys ?? []).includes(emailKey(f.email))) &&
    (f.companyId === undefined || r.companyId === f.companyId) &&
    (f.members === undefined || f.members.includes(r.responsibleUserId))
  );
}

/** A record's place in a list's order, as its sort's index holds it: the value, then the id. */
export function clientSortKey(r: ClientRecord, id: string, sort: ClientSort) {
  const index = sortIndex(sort);
  const value =
    index === 'byName' ? r.nameFolded : index === 'byUpdated' ? r.updatedAt : index === 'byNearestTask' ? (r.nearestTaskAt ?? '~') : '';
  return `${value}#${id}`;
}
