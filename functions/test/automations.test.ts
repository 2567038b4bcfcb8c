// Automations (issue 12): a lead entering a stage gets the stage's task once even when the
// event is delivered twice; automations that move a lead back and forth stop; actor automation.
import { GetScheduleCommand, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CrmEvent } from '@crm/contract';
import { atExpression, automationScheduleName, scheduler, schedulerSettings } from '@crm/core';
import { handler } from '../consumers/automations.ts';
import { useApi, type CrmUser } from './support/api.ts';

const api = useApi();
let admin: CrmUser;

beforeAll(async () => {
  admin = await api.account('Automated');
});

async function eventually<T>(read: () => Promise<T>, ok: (t: T) => boolean, timeoutMs = 15_000): Promise<T> {
  let last = await read();
  for (const end = Date.now() + timeoutMs; !ok(last) && Date.now() < end; last = await read()) await new Promise((r) => setTimeout(r, 250));
  return last;
}

async function pipeline() {
  const p = await admin.client.pipelines.create({
    name: `Auto ${Math.random().toString(36).slice(2, 6)}`,
    stages: [{ name: 'New' }, { name: 'Talk' }, { name: 'Offer' }],
  });
  const open = p.stages.filter((s) => s.type === 'open');
  return { id: p.id, first: open[0].id, second: open[1].id, third: open[2].id };
}

describe('Automations', () => {
  it('creates the stage task once, as actor automation, even when the event is delivered twice', async () => {
    const p = await pipeline();
    const types = await admin.client.taskTypes.list({});
    const rule = await admin.client.automations.create({
      pipelineId: p.id,
      stageId: p.second,
      action: { type: 'create_task', text: 'Call within an hour', typeId: types.items[0].id, dueInMinutes: 60 },
      condition: { type: 'budget', op: '>=', value: 1000 },
    });
    expect(rule).toMatchObject({ trigger: 'enter', delayMinutes: null, version: 1 });
    const lead = await admin.client.leads.create({ name: 'Moving', price: 5000, pipelineId: p.id, stageId: p.first });
    const small = await admin.client.leads.create({ name: 'Too small', price: 10, pipelineId: p.id, stageId: p.first });
    await admin.client.leads.patch({ id: lead.id }, { stageId: p.second });
    await admin.client.leads.patch({ id: small.id }, { stageId: p.second });

    const tasks = await eventually(
      () => admin.client.tasks.list({ entityType: 'lead', entityId: lead.id }),
      (t) => t.items.length > 0,
    );
    expect(tasks.items.map((t) => t.text)).toEqual(['Call within an hour']);
    const created = await admin.client.events.list({ entityType: 'task', entityId: tasks.items[0].id, type: 'task.created' });
    expect(created.items[0].actor).toEqual({ type: 'automation', id: rule.id });

    // The same stage_changed delivered twice more (and at once) adds nothing.
    const moved = await admin.client.events.list({ entityType: 'lead', entityId: lead.id, type: 'lead.stage_changed' });
    const event: CrmEvent = moved.items[0];
    await Promise.all([handler({ detail: event }), handler({ detail: event })]);
    expect((await admin.client.tasks.list({ entityType: 'lead', entityId: lead.id })).items).toHaveLength(1);
    // The condition keeps the small lead out.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await admin.client.tasks.list({ entityType: 'lead', entityId: small.id })).items).toHaveLength(0);
  });

  it('does not loop: moving into its own stage changes nothing, and two that move a lead back and forth stop', async () => {
    const p = await pipeline();
    await admin.client.automations.create({ pipelineId: p.id, stageId: p.second, action: { type: 'move_to_stage', stageId: p.second } });
    await admin.client.automations.create({ pipelineId: p.id, stageId: p.second, action: { type: 'move_to_stage', stageId: p.third } });
    await admin.client.automations.create({ pipelineId: p.id, stageId: p.third, action: { type: 'move_to_stage', stageId: p.second } });
    const lead = await admin.client.leads.create({ name: 'Ping-pong', pipelineId: p.id, stageId: p.first });
    await admin.client.leads.patch({ id: lead.id }, { stageId: p.second });

    const stageMoves = () => admin.client.events.list({ entityType: 'lead', entityId: lead.id, type: 'lead.stage_changed', limit: 250 });
    await eventually(stageMoves, (e) => e.items.length >= 2);
    // Let the chain run out, then check that it stopped and stays stopped.
    await new Promise((r) => setTimeout(r, 4000));
    const settled = (await stageMoves()).items.length;
    await new Promise((r) => setTimeout(r, 2000));
    const after = await stageMoves();
    expect(after.items.length).toBe(settled);
    // The person's move and at most MAX_CHAIN + 1 automation moves.
    expect(after.items.length).toBeLessThanOrEqual(5);
    expect(after.items.filter((e) => e.actor.type === 'automation').length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a stage of another pipeline, an unknown task type, and non-admins', async () => {
    const p = await pipeline();
    const other = await pipeline();
    expect(
      (await admin.answer.automations.create({ pipelineId: p.id, stageId: other.first, action: { type: 'add_tag', tag: 'x' } })).status,
    ).toBe(400);
    expect(
      (
        await admin.answer.automations.create({
          pipelineId: p.id,
          stageId: p.first,
          action: { type: 'create_task', text: 'x', typeId: 'nope', dueInMinutes: 1 },
        })
      ).status,
    ).toBe(400);
    const rule = await admin.client.automations.create({ pipelineId: p.id, stageId: p.first, action: { type: 'add_tag', tag: 'hot' } });
    expect((await admin.answer.automations.patch({ id: rule.id }, { delayMinutes: 30 }, { ifMatch: 9 })).status).toBe(412);
    expect((await admin.client.automations.patch({ id: rule.id }, { delayMinutes: 30 })).version).toBe(2);
    expect((await admin.client.automations.list({ pipelineId: p.id })).items.map((a) => a.id)).toEqual([rule.id]);
    const manager = await api.manager(admin);
    expect((await manager.answer.automations.list({})).status).toBe(403);
    expect((await admin.answer.automations.delete({ id: rule.id })).status).toBe(204);
  });

  it('waits delayMinutes on the Scheduler, then acts only if the lead is still in the stage', async () => {
    const p = await pipeline();
    const rule = await admin.client.automations.create({
      pipelineId: p.id,
      stageId: p.second,
      delayMinutes: 120,
      action: { type: 'add_tag', tag: 'waited' },
    });
    const stays = await admin.client.leads.create({ name: 'Stays', pipelineId: p.id, stageId: p.first });
    const leaves = await admin.client.leads.create({ name: 'Leaves', pipelineId: p.id, stageId: p.first });
    await admin.client.leads.patch({ id: stays.id }, { stageId: p.second });
    await admin.client.leads.patch({ id: leaves.id }, { stageId: p.second });
    const entry = async (leadId: string) =>
      (await admin.client.events.list({ entityType: 'lead', entityId: leadId, type: 'lead.stage_changed' })).items[0];
    const [stayed, left] = [await entry(stays.id), await entry(leaves.id)];

    // The local Scheduler holds one schedule per entry, two hours after it; nothing acted yet.
    const { group } = schedulerSettings();
    const booked = async (event: CrmEvent) => {
      const Name = automationScheduleName({ eventId: event.id, automationId: rule.id });
      return eventually(
        () =>
          scheduler()
            .then(({ client }) => client.send(new GetScheduleCommand({ GroupName: group, Name })))
            .catch(() => undefined),
        (s) => s !== undefined,
      );
    };
    const schedule = (await booked(stayed))!;
    expect(schedule.ScheduleExpression).toBe(atExpression(Date.parse(stayed.occurredAt) + 120 * 60_000));
    const other = (await booked(left))!;
    expect((await admin.client.leads.get({ id: stays.id })).tags).toEqual([]);

    // One lead moves on; then both schedules are brought forward to fire now (the delay, shortened).
    await admin.client.leads.patch({ id: leaves.id }, { stageId: p.third });
    for (const s of [schedule, other]) {
      await (
        await scheduler()
      ).client.send(
        new UpdateScheduleCommand({
          ...(s as unknown as ConstructorParameters<typeof UpdateScheduleCommand>[0]),
          ScheduleExpression: atExpression(Date.now() + 1000),
        }),
      );
    }
    const tagged = await eventually(
      () => admin.client.leads.get({ id: stays.id }),
      (l) => l.tags.includes('waited'),
    );
    expect(tagged.tags).toEqual(['waited']);
    const tagging = await admin.client.events.list({ entityType: 'lead', entityId: stays.id, type: 'lead.updated' });
    expect(tagging.items[0].actor).toEqual({ type: 'automation', id: rule.id });
    await new Promise((r) => setTimeout(r, 2000));
    expect((await admin.client.leads.get({ id: leaves.id })).tags).toEqual([]);
  });

  it('writes an event when an automation or an API key is created, changed or deleted, never with the key', async () => {
    const p = await pipeline();
    const rule = await admin.client.automations.create({ pipelineId: p.id, stageId: p.first, action: { type: 'add_tag', tag: 'a' } });
    await admin.client.automations.patch({ id: rule.id }, { delayMinutes: 5 });
    await admin.client.automations.delete({ id: rule.id });
    const ruleEvents = await admin.client.events.list({ entityType: 'automation', entityId: rule.id });
    expect(ruleEvents.items.map((e) => e.type).reverse()).toEqual(['automation.created', 'automation.updated', 'automation.deleted']);
    expect(ruleEvents.items[1].changes).toEqual([{ field: 'delayMinutes', from: null, to: 5 }]);

    const key = await admin.client.apiKeys.create({ name: 'Evented', scopes: ['leads:read'] });
    await admin.client.apiKeys.delete({ id: key.id });
    const keyEvents = await admin.client.events.list({ entityType: 'api_key', entityId: key.id });
    expect(keyEvents.items.map((e) => e.type).reverse()).toEqual(['api_key.created', 'api_key.revoked']);
    expect(keyEvents.items[0].data).toMatchObject({ apiKey: { id: key.id, hint: key.key.slice(-4) } });
    expect(JSON.stringify(keyEvents.items)).not.toContain(key.key);
  });
});
