// Timelines through HTTP: a record's events, notes and tasks merged newest first, paged
// across kinds with every entry exactly once, in one Query per page.
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '@crm/core';
import type { TestAccount } from '@crm/local/testing';
import { created, useApi } from './support/api.ts';

const api = useApi();
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

type Entry = { kind: 'event' | 'note' | 'task'; at: string; event?: { id: string; type: string }; note?: { id: string }; task?: { id: string } };
const label = (e: Entry) => (e.kind === 'event' ? `event:${e.event!.type}` : e.kind === 'note' ? `note:${e.note!.id}` : `task:${e.task!.id}`);

async function timelinePages(account: TestAccount, path: string, limit: number) {
  const pages: Entry[][] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: { items: Entry[]; nextCursor: string | null } } = await account.request('GET', `${path}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    pages.push(res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return pages;
}

describe('Resource: timeline', () => {
  let acme: TestAccount;
  let lead: { id: string };
  const expected: string[] = [];

  beforeAll(async () => {
    acme = await api.account('Timeline Corp');
    lead = await created(acme, '/api/v1/leads', { name: 'Story of a deal' });
    expected.push('event:lead.created');
    const entity = { type: 'lead', id: lead.id };
    const steps: Array<() => Promise<string>> = [
      async () => `note:${(await created(acme, `/api/v1/leads/${lead.id}/notes`, { text: 'First call', type: 'call_out' })).id}`,
      async () => `task:${(await created(acme, '/api/v1/tasks', { text: 'Send the offer', dueAt: tomorrow(), entity })).id}`,
      async () => ((await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { price: 1200 })).status === 200 ? 'event:lead.updated' : 'failed'),
      async () => `note:${(await created(acme, `/api/v1/leads/${lead.id}/notes`, { text: 'Offer sent', type: 'email' })).id}`,
      async () => `task:${(await created(acme, '/api/v1/tasks', { text: 'Follow up', dueAt: tomorrow(), entity })).id}`,
      async () => `note:${(await created(acme, `/api/v1/leads/${lead.id}/notes`, { text: 'They said yes' })).id}`,
      async () => ((await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { name: 'Story of a won deal' })).status === 200 ? 'event:lead.updated' : 'failed'),
    ];
    for (const step of steps) expected.push(await step());
    expected.reverse();
  });

  it('merges events, notes and tasks newest first, and pages across kinds with every entry once', async () => {
    const [whole] = await timelinePages(acme, `/api/v1/leads/${lead.id}/timeline`, 100);
    expect(whole!.map(label)).toEqual(expected);
    const ats = whole!.map((e) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());
    for (const limit of [1, 2, 3]) {
      const pages = await timelinePages(acme, `/api/v1/leads/${lead.id}/timeline`, limit);
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(limit);
      expect(pages.flat().map(label), `limit=${limit}`).toEqual(expected);
    }
  });

  it('shows a task as it is now: completing it changes the entry, not its place', async () => {
    const [before] = await timelinePages(acme, `/api/v1/leads/${lead.id}/timeline`, 100);
    const taskEntry = before!.find((e) => e.kind === 'task')!;
    await acme.request('POST', `/api/v1/tasks/${taskEntry.task!.id}/complete`, { result: 'Done' });
    const [after] = await timelinePages(acme, `/api/v1/leads/${lead.id}/timeline`, 100);
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
      expect((await acme.request('GET', `/api/v1/leads/${lead.id}/timeline?limit=3`)).status).toBe(200);
    } finally {
      dynamo.middlewareStack.remove('countTimelineCommands');
    }
    expect(sent.filter((c) => c !== 'GetItemCommand')).toEqual(['QueryCommand']);
  });

  it('keeps each record to its own entries: a contact and a company have their own timelines', async () => {
    const contact = await created(acme, '/api/v1/contacts', { name: 'Timeline person' });
    const note = await created(acme, `/api/v1/contacts/${contact.id}/notes`, { text: 'Met at the fair' });
    const [contactLine] = await timelinePages(acme, `/api/v1/contacts/${contact.id}/timeline`, 50);
    expect(contactLine!.map(label)).toEqual([`note:${note.id}`, 'event:contact.created']);
    const company = await created(acme, '/api/v1/companies', { name: 'Timeline firm' });
    const task = await created(acme, '/api/v1/tasks', { text: 'Visit', dueAt: tomorrow(), entity: { type: 'company', id: company.id } });
    const [companyLine] = await timelinePages(acme, `/api/v1/companies/${company.id}/timeline`, 50);
    expect(companyLine!.map(label)).toEqual([`task:${task.id}`, 'event:company.created']);
  });

  it('answers 404 for an unknown or foreign record and 400 for a cursor of another timeline', async () => {
    const other = await api.account('Outsiders');
    expect((await acme.request('GET', '/api/v1/leads/NOSUCHLEAD/timeline')).status).toBe(404);
    expect((await other.request('GET', `/api/v1/leads/${lead.id}/timeline`)).status).toBe(404);
    const second = await created(acme, '/api/v1/leads', { name: 'Another deal' });
    await created(acme, `/api/v1/leads/${second.id}/notes`, { text: 'x' });
    const page = await acme.request('GET', `/api/v1/leads/${second.id}/timeline?limit=1`);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const misused = await acme.request('GET', `/api/v1/leads/${lead.id}/timeline?cursor=${encodeURIComponent(page.body.nextCursor)}`);
    expect(misused.status).toBe(400);
    const foreign = await other.request('GET', `/api/v1/leads/${second.id}/timeline?cursor=${encodeURIComponent(page.body.nextCursor)}`);
    expect(foreign.status).toBe(404);
    expect((await acme.request('GET', `/api/v1/leads/${lead.id}/timeline?cursor=bm9wZQ`)).status).toBe(400);
  });

  it('leaves the event log of the record to events: notes and tasks are not listed there', async () => {
    const events = (await acme.request('GET', `/api/v1/events?entityType=lead&entityId=${lead.id}&limit=100`)).body.items;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['lead.updated', 'lead.updated', 'lead.created']);
  });
});
