// Notifications (issue 12): made by the bus consumer from task.due and lead assignment, one
// per event even when it is delivered twice, with an unread counter kept in step.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CrmEvent } from '@crm/contract';
import { handler } from '../consumers/notifications.ts';
import { useApi, type CrmUser } from './support/api.ts';

const api = useApi();
let admin: CrmUser;
let manager: Awaited<ReturnType<typeof api.manager>>;

beforeAll(async () => {
  admin = await api.account('Notified');
  manager = await api.manager(admin);
});

async function eventually<T>(read: () => Promise<T>, ok: (t: T) => boolean, timeoutMs = 15_000): Promise<T> {
  let last = await read();
  for (const end = Date.now() + timeoutMs; !ok(last) && Date.now() < end; last = await read()) await new Promise((r) => setTimeout(r, 250));
  return last;
}

describe('Notifications', () => {
  it('tells the responsible when their task falls due, through the bus', async () => {
    const task = await admin.client.tasks.create({
      text: 'Call back',
      dueAt: new Date(Date.now() + 1500).toISOString(),
      responsibleUserId: manager.userId,
    });
    const page = await eventually(
      () => manager.client.notifications.list({ unread: 'true' }),
      // A Query may see one item of a transaction before the other (the counter): both, eventually.
      (p) => p.items.some((n) => n.event.entity.id === task.id) && p.unreadCount > 0,
    );
    const due = page.items.find((n) => n.event.entity.id === task.id)!;
    expect(due).toMatchObject({ type: 'task_due', read: false, event: { type: 'task.due' } });
    expect(page.unreadCount, JSON.stringify(page)).toBeGreaterThanOrEqual(1);
    // Only the responsible hears of it.
    expect((await admin.client.notifications.list({})).items.some((n) => n.event.entity.id === task.id)).toBe(false);
  });

  it('tells a user a lead was assigned to them, not the one who assigned it', async () => {
    const lead = await admin.client.leads.create({ name: 'Handed over' });
    await admin.client.leads.patch({ id: lead.id }, { responsibleUserId: manager.userId });
    const page = await eventually(
      () => manager.client.notifications.list({}),
      (p) => p.items.some((n) => n.type === 'lead_assigned' && n.event.entity.id === lead.id),
    );
    expect(page.items.filter((n) => n.event.entity.id === lead.id)).toHaveLength(1);
    const mine = await admin.client.leads.create({ name: 'My own' });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await admin.client.notifications.list({})).items.some((n) => n.event.entity.id === mine.id)).toBe(false);
  });

  it('adds one notification for an event delivered twice, and keeps the unread count in step when read', async () => {
    const fresh = await api.manager(admin);
    const lead = await admin.client.leads.create({ name: 'Twice', responsibleUserId: fresh.userId });
    const events = await eventually(
      () => admin.client.events.list({ entityType: 'lead', entityId: lead.id, type: 'lead.created' }),
      (p) => p.items.length > 0,
    );
    const event: CrmEvent = events.items[0];
    await Promise.all([handler({ detail: event }), handler({ detail: event })]);
    await handler({ detail: event });
    const page = await eventually(
      () => fresh.client.notifications.list({}),
      (p) => p.items.length > 0 && p.unreadCount > 0,
    );
    expect(page.items).toHaveLength(1);
    expect(page.unreadCount).toBe(1);

    const read = await fresh.client.notifications.read({ id: event.id });
    expect(read.read).toBe(true);
    await fresh.client.notifications.read({ id: event.id });
    expect((await fresh.client.notifications.list({})).unreadCount).toBe(0);
    expect((await fresh.client.notifications.list({ unread: 'true' })).items).toHaveLength(0);

    const other = await admin.client.leads.create({ name: 'Another', responsibleUserId: fresh.userId });
    await eventually(
      () => fresh.client.notifications.list({ unread: 'true' }),
      (p) => p.items.some((n) => n.event.entity.id === other.id),
    );
    expect((await fresh.client.notifications.readAll()).unreadCount).toBe(0);
    const after = await fresh.client.notifications.list({});
    expect(after.unreadCount).toBe(0);
    expect(after.items.every((n) => n.read)).toBe(true);
    // Another user's notification is a 404, never theirs to read.
    expect((await admin.answer.notifications.read({ id: event.id })).status).toBe(404);
  });
});
