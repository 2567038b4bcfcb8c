// Links between leads, contacts and companies, kept by every record write: a lead's
// contact->lead link items, the stamp on newly linked records, and the check that linked ids exist.
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { invalid, type FieldError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { LeadItem } from '../model/lead.ts';
import type { RecordKind, Stored } from '../model/records.ts';
import { companyExists, contactsByIds } from '../reads/records.ts';
import { heldInTransaction, put, remove, update, type Write } from '../write/write.ts';

const idsOf = (record: Stored | null, field: string) => (record?.[field] as string[] | undefined) ?? [];
const idOf = (record: Stored | null, field: string) => (record?.[field] as string | undefined) ?? undefined;

/** Lead fields copied onto its link items (what a contact's card lists). */
const SNAPSHOT = ['name', 'price', 'pipelineId', 'stageId', 'status'] as const;

// ---- The hooks ----

/**
 * A contact's or company's delete, conditioned on its version and its link stamp: a lead or
 * contact that linked it after it was read makes the delete re-read.
 */
export const stampedRemove =
  <Item extends { version: number; stamp: string }>(entity: any, keyOf: (item: Item) => object) =>
  (current: Item): Write =>
    remove(
      entity
        .delete(keyOf(current))
        .where((a: any, op: any) => `${op.eq(a.version, current.version)} AND ${op.eq(a.stamp, current.stamp)}`)
        .params(),
    );

/** A write that makes a record's `stamp` change: its delete, if based on an older read, fails. */
function touch(kind: 'contact' | 'company', accountId: string, id: string, path: string): Write {
  const key = kind === 'contact' ? db.contact.patch({ accountId, contactId: id }) : db.company.patch({ accountId, companyId: id });
  // patch() adds attribute_exists: a record deleted since the check fails the whole write.
  return update(key.set({ stamp: newId() }).params(), () => invalid(`No such ${kind}`, [{ path, message: `unknown ${kind}` }]), {
    kind: 'stamp',
    record: `${kind}#${id}`,
  });
}

/**
 * One stamp write per record in a transaction (DynamoDB takes one operation per item): many
 * leads linking the same contact touch it once; and none on a record the same transaction
 * puts back itself (restoring a contact re-links its leads, whose hooks would touch it).
 */
export function touchingOnce(writes: Write[], restored?: { kind: 'contact' | 'company'; id: string }) {
  const seen = new Set(restored ? [`${restored.kind}#${restored.id}`] : []);
  return writes.filter((w) => {
    if (w.role?.kind !== 'stamp') return true;
    const touched = w.role.record;
    if (seen.has(touched)) return false;
    seen.add(touched);
    return true;
  });
}

/**
 * The `derivedWrites` contributor: a lead's link items follow its contactIds (and carry a
 * snapshot of it), and every newly linked contact or company is touched, which also proves
 * it still exists when the write commits.
 */
export function linkWrites(caller: Caller, kind: RecordKind, before: Stored | null, after: Stored | null): Write[] {
  const writes: Write[] = [];
  const { accountId } = caller;
  if (kind === 'lead') {
    const leadId = (after ?? before)!.leadId as string;
    const was = idsOf(before, 'contactIds');
    const is = idsOf(after, 'contactIds');
    const snapshotChanged = !before || !after || SNAPSHOT.some((f) => before[f] !== after[f]);
    for (const contactId of is) {
      const isMain = after!.mainContactId === contactId;
      const linked = was.includes(contactId);
      if (!linked || snapshotChanged || (before!.mainContactId === contactId) !== isMain) {
        const snapshot = Object.fromEntries(SNAPSHOT.map((f) => [f, after![f]])) as Pick<LeadItem, (typeof SNAPSHOT)[number]>;
        writes.push(put(db.contactLead.put({ accountId, contactId, leadId, ...snapshot, isMain }).params()));
      }
      if (!linked) writes.push(touch('contact', accountId, contactId, contactId === after!.mainContactId ? 'mainContactId' : 'contactIds'));
    }
    for (const contactId of was.filter((id) => !is.includes(id))) {
      writes.push(remove(db.contactLead.delete({ accountId, contactId, leadId }).params()));
    }
  }
  const companyId = idOf(after, 'companyId');
  if (kind !== 'company' && companyId && companyId !== idOf(before, 'companyId')) {
    writes.push(touch('company', accountId, companyId, 'companyId'));
  }
  return writes;
}

/** The `checkRecord` contributor: contacts and a company newly linked must exist in the account (400 on the field). */
export async function checkLinks(caller: Caller, kind: RecordKind, after: Stored, before: Stored | null): Promise<void> {
  const errors: FieldError[] = [];
  if (kind === 'lead') {
    const was = idsOf(before, 'contactIds');
    const ids = idsOf(after, 'contactIds');
    // A contact created in the same transaction (an import's row) is not in the table yet.
    const fresh = ids.filter((id) => !was.includes(id) && !heldInTransaction(id));
    const found = new Set((await contactsByIds(caller.accountId, fresh)).map((c) => c.contactId));
    ids.forEach((id, i) => {
      if (!fresh.includes(id) || found.has(id)) return;
      const path = id === after.mainContactId ? 'mainContactId' : `contactIds.${i}`;
      errors.push({ path, message: 'unknown contact' });
    });
  }
  const companyId = idOf(after, 'companyId');
  if (kind !== 'company' && companyId && companyId !== idOf(before, 'companyId') && !(await companyExists(caller.accountId, companyId))) {
    errors.push({ path: 'companyId', message: 'unknown company' });
  }
  if (errors.length) throw invalid('A linked record does not exist', errors);
}
