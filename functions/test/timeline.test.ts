// Timelines through HTTP: a record's events, notes and tasks merged newest first, paged
// across kinds with every entry exactly once, in one Query per page.
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '@crm/core';
import type { RecordKind, TimelineItem } from '@crm/contract';
import { useApi, type CrmUser } from './support/api.ts';

const api = useApi();
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

type Entry = TimelineItem;
const label = (e: Entry) =>
  e.kind === 'event'
    ? `event:${e.event!.type}`
    : e.kind === 'note'
      ? `note:${e.note!.id}`
      : e.kind === 'task'
        ? `task:${e.task!.id}`
        : `message:${e.message.id}`;

async function timelinePages(account: CrmUser, kind: RecordKind, id: string, limit: number) {
  const pages: Entry[][] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Entry[]; nextCursor: string | null } = await account.client[kind].timeline(
      { id },
      { limit, ...(cursor ? { cursor } : {}) },
    );
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe('Resource: timeline', () => {
  let acme: CrmUser;
  let lead: { id: string };
  const expected: string[] = [];

  beforeAll(async () => {
    acme = await api.account('Timeline Corp');
    lead = await acme.client.leads.create({ name: 'Story of a deal' });
    expected.push('event:lead.created');
    const entity = { type: 'lead' as const, id: lead.id };
    const steps: Array<() => Promise<string>> = [
      async () => `note:${(await acme.client.leads.notes.create({ id: lead.id }, { text: 'First call', type: 'call_out' })).id}`,
      async () => `task:${(await acme.client.tasks.create({ text: 'Send the offer', dueAt: tomorrow(), entity })).id}`,
      async () => {
        await acme.client.leads.patch({ id: lead.id }, { price: 1200 });
        return 'event:lead.updated';
      },
      async () => `note:${(await acme.client.leads.notes.create({ id: lead.id }, { text: 'Offer sent', type: 'email' })).id}`,
      async () => `task:${(await acme.client.tasks.create({ text: 'Follow up', dueAt: tomorrow(), entity })).id}`,
      async () => `note:${(await acme.client.leads.notes.create({ id: lead.id }, { text: 'They said yes' })).id}`,
      async () => {
        await acme.client.leads.patch({ id: lead.id }, { name: 'Story of a won deal' });
        return 'event:lead.updated';
      },
    ];
    for (const step of steps) expected.push(await step());
    expected.reverse();
  });

  it('merges events, notes and tasks newest first, and pages across kinds with every entry once', async () => {
    const [whole] = await timelinePages(acme, 'leads', lead.id, 100);
    expect(whole!.map(label)).toEqual(expected);
    const ats = whole!.map((e) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());
    for (const limit of [1, 2, 3]) {
      const pages = await timelinePages(acme, 'leads', lead.id, limit);
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(limit);
      expect(pages.flat().map(label), `limit=${limit}`).toEqual(expected);
    }
  });

  it('shows a task as it is now: completing it changes the entry, not its place', async () => {
    const [before] = await timelinePages(acme, 'leads', lead.id, 100);
    const taskEntry = before!.find((e) => e.kind === 'task')!;
    await acme.client.tasks.complete({ id: taskEntry.task!.id }, { result: 'Done' });
    const [after] = await timelinePages(acme, 'leads', lead.id, 100);
    expect(after!.map(label)).toEqual(before!.map(label));
    expect(after!.find((e) => e.kind === 'task')!.task).toMatchObject({ result: 'Done', completedAt: expect.any(String) });
  });

  it('reads a page in one Query (after the record check) and never scans', async () => {
    const sent: string[] = [];
    dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countTimelineCommands' },
    );
    try {
      await acme.client.leads.timeline({ id: lead.id }, { limit: 3 });
    } finally {
      dynamo.middlewareStack.remove('countTimelineCommands');
    }
    // Besides the record check (GetItem), every request reads its caller (BatchGetItem) and
    // adds to the month's request count (UpdateItem): see dynamodb-commands.test.ts.
    expect(sent.filter((c) => !['GetItemCommand', 'BatchGetItemCommand', 'UpdateItemCommand'].includes(c))).toEqual(['QueryCommand']);
  });

  it('keeps each record to its own entries: a contact and a company have their own timelines', async () => {
    const contact = await acme.client.contacts.create({ name: 'Timeline person' });
    const note = await acme.client.contacts.notes.create({ id: contact.id }, { text: 'Met at the fair' });
    const [contactLine] = await timelinePages(acme, 'contacts', contact.id, 50);
    expect(contactLine!.map(label)).toEqual([`note:${note.id}`, 'event:contact.created']);
    const company = await acme.client.companies.create({ name: 'Timeline firm' });
    const task = await acme.client.tasks.create({ text: 'Visit', dueAt: tomorrow(), entity: { type: 'company', id: company.id } });
    const [companyLine] = await timelinePages(acme, 'companies', company.id, 50);
    expect(companyLine!.map(label)).toEqual([`task:${task.id}`, 'event:company.created']);
  });

  it('answers 404 for an unknown or foreign record and 400 for a cursor of another timeline', async () => {
    const other = await api.account('Outsiders');
    expect((await acme.answer.leads.timeline({ id: 'NOSUCHLEAD' })).status).toBe(404);
    expect((await other.answer.leads.timeline({ id: lead.id })).status).toBe(404);
    const second = await acme.client.leads.create({ name: 'Another deal' });
    await acme.client.leads.notes.create({ id: second.id }, { text: 'x' });
    const cursor = (await acme.client.leads.timeline({ id: second.id }, { limit: 1 })).nextCursor!;
    expect(cursor).toEqual(expect.any(String));
    expect((await acme.answer.leads.timeline({ id: lead.id }, { cursor })).status).toBe(400);
    expect((await other.answer.leads.timeline({ id: second.id }, { cursor })).status).toBe(404);
    expect((await acme.answer.leads.timeline({ id: lead.id }, { cursor: 'bm9wZQ' })).status).toBe(400);
  });

  it('leaves the event log of the record to events: notes and tasks are not listed there', async () => {
    const events = (await acme.client.events.list({ entityType: 'lead', entityId: lead.id, limit: 100 })).items;
    expect(events.map((e) => e.type)).toEqual(['lead.updated', 'lead.updated', 'lead.created']);
  });
});
