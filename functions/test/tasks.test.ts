// Tasks and task types through HTTP: defaults after sign-up, every list filter with cursor
// walks, complete with a result, overdue, rights, and the nearest open task of leads,
// contacts and companies kept with each task change.
import { beforeAll, describe, expect, it } from 'vitest';
import { logInAs, type TestAccount } from '@crm/local/testing';
import { created, useApi, walk } from './support/api.ts';

const api = useApi();
const HOUR = 3_600_000;
const START = Math.floor(Date.now() / 60_000) * 60_000;
/** A due time `hours` from the test run's start, on a whole minute (as a manager would pick it). */
const due = (hours: number) => new Date(START + hours * HOUR).toISOString();

/** A manager of the account, with a request helper under their own token. */
async function managerOf(account: TestAccount) {
  const email = `manager-${Math.random().toString(36).slice(2)}@example.com`;
  const user = await created(account, '/api/v1/users', { email, name: 'Mia', role: 'manager', password: 'Test-password-1' });
  const token = await logInAs(email, 'Test-password-1');
  const request: TestAccount['request'] = (method, path, body, headers) =>
    account.request(method, path, body, { ...headers, authorization: `Bearer ${token}` });
  return { id: user.id as string, request };
}

describe('Resource: task-types', () => {
  let acme: TestAccount;
  beforeAll(async () => {
    acme = await api.account('Acme');
  });

  it('gives a new account Call, Meeting and Follow-up from the sign-up transaction', async () => {
    const types = await acme.request('GET', '/api/v1/task-types');
    expect(types.status).toBe(200);
    expect(types.body.items.map((t: { name: string }) => t.name)).toEqual(['Call', 'Meeting', 'Follow-up']);
    for (const t of types.body.items) expect(t).toMatchObject({ color: expect.stringMatching(/^#[0-9a-f]{6}$/), version: 1 });
  });

  it('lets admins add, rename and delete types, and managers only read them', async () => {
    const manager = await managerOf(acme);
    const offer = await created(acme, '/api/v1/task-types', { name: 'Send an offer', color: '#aa00aa' });
    expect(offer).toMatchObject({ name: 'Send an offer', color: '#aa00aa', version: 1 });
    expect((await manager.request('POST', '/api/v1/task-types', { name: 'Mine' })).status).toBe(403);
    expect((await manager.request('PATCH', `/api/v1/task-types/${offer.id}`, { name: 'X' })).status).toBe(403);
    expect((await manager.request('DELETE', `/api/v1/task-types/${offer.id}`)).status).toBe(403);
    expect((await manager.request('GET', '/api/v1/task-types')).body.items).toHaveLength(4);

    const stale = await acme.request('PATCH', `/api/v1/task-types/${offer.id}`, { name: 'Offer' }, { 'if-match': '"9"' });
    expect(stale.status).toBe(412);
    const renamed = await acme.request('PATCH', `/api/v1/task-types/${offer.id}`, { name: 'Offer' }, { 'if-match': '"1"' });
    expect(renamed.body).toMatchObject({ name: 'Offer', color: '#aa00aa', version: 2 });
    expect(renamed.headers.get('etag')).toBe('"2"');

    expect((await acme.request('DELETE', `/api/v1/task-types/${offer.id}`)).status).toBe(204);
    expect((await acme.request('GET', `/api/v1/task-types/${offer.id}`)).status).toBe(404);
    const events = await acme.request('GET', `/api/v1/events?entityType=task_type&entityId=${offer.id}`);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['task_type.deleted', 'task_type.updated', 'task_type.created']);
  });

  it('refuses to delete a type while an open task has it (409), allows it once the task is completed', async () => {
    const type = await created(acme, '/api/v1/task-types', { name: 'Visit' });
    const task = await created(acme, '/api/v1/tasks', { text: 'Visit the client', typeId: type.id, dueAt: due(24) });
    const refused = await acme.request('DELETE', `/api/v1/task-types/${type.id}`);
    expect(refused.status).toBe(409);
    expect((await acme.request('GET', `/api/v1/task-types/${type.id}`)).status).toBe(200);
    expect((await acme.request('POST', `/api/v1/tasks/${task.id}/complete`, {})).status).toBe(200);
    expect((await acme.request('DELETE', `/api/v1/task-types/${type.id}`)).status).toBe(204);
    // The completed task keeps the id of its former type; new tasks cannot use it.
    expect((await acme.request('GET', `/api/v1/tasks/${task.id}`)).body.typeId).toBe(type.id);
    const unknown = await acme.request('POST', '/api/v1/tasks', { text: 'Again', typeId: type.id, dueAt: due(24) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'typeId', message: 'unknown task type' }]);
  });
});

describe('Resource: tasks', () => {
  let acme: TestAccount;
  let manager: Awaited<ReturnType<typeof managerOf>>;
  let types: Array<{ id: string; name: string }>;
  beforeAll(async () => {
    acme = await api.account('Acme');
    manager = await managerOf(acme);
    types = (await acme.request('GET', '/api/v1/task-types')).body.items;
  });

  it('creates a task with the defaults (first type, the caller responsible, no record) and one spelling of its due time', async () => {
    const res = await acme.request('POST', '/api/v1/tasks', { text: 'Call back', dueAt: '2031-05-04T09:30:00Z' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/tasks/${res.body.id}`);
    expect(res.body).toMatchObject({
      text: 'Call back',
      typeId: types[0]!.id,
      dueAt: '2031-05-04T09:30:00.000Z',
      responsibleUserId: acme.userId,
      entity: null,
      completedAt: null,
      result: null,
      version: 1,
      createdBy: acme.userId,
    });
    const events = await acme.request('GET', `/api/v1/events?entityType=task&entityId=${res.body.id}`);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['task.created']);
  });

  it('answers 400 on a missing linked record, an unknown type or responsible, and bad input; nothing is created', async () => {
    const before = await walk(acme, '/api/v1/tasks');
    const cases: Array<[unknown, string]> = [
      [{ text: 'x', dueAt: due(1), entity: { type: 'lead', id: 'NOSUCHLEAD' } }, 'entity.id'],
      [{ text: 'x', dueAt: due(1), entity: { type: 'contact', id: 'NOSUCHCONTACT' } }, 'entity.id'],
      [{ text: 'x', dueAt: due(1), typeId: 'NOSUCHTYPE' }, 'typeId'],
      [{ text: 'x', dueAt: due(1), responsibleUserId: 'NOSUCHUSER' }, 'responsibleUserId'],
      [{ text: 'x', dueAt: 'tomorrow' }, 'dueAt'],
      [{ text: '', dueAt: due(1) }, 'text'],
      [{ text: 'x', dueAt: due(1), entity: { type: 'pipeline', id: 'X' } }, 'entity.type'],
    ];
    for (const [body, path] of cases) {
      const res = await acme.request('POST', '/api/v1/tasks', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await walk(acme, '/api/v1/tasks')).toEqual(before);
  });

  it('completes a task with a result once (task.completed), and a second time is a 409', async () => {
    const task = await created(acme, '/api/v1/tasks', { text: 'Send the offer', dueAt: due(2) });
    const done = await acme.request('POST', `/api/v1/tasks/${task.id}/complete`, { result: 'Sent, waiting for an answer' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ result: 'Sent, waiting for an answer', version: 2, completedAt: expect.any(String) });
    expect(Date.parse(done.body.completedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await acme.request('POST', `/api/v1/tasks/${task.id}/complete`, { result: 'again' })).status).toBe(409);
    const events = (await acme.request('GET', `/api/v1/events?entityType=task&entityId=${task.id}`)).body.items;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['task.completed', 'task.created']);
    expect(events[0].changes).toEqual(expect.arrayContaining([{ field: 'result', from: null, to: 'Sent, waiting for an answer' }]));
    // Without a result is fine too.
    const other = await created(acme, '/api/v1/tasks', { text: 'Quick call', dueAt: due(2) });
    expect((await acme.request('POST', `/api/v1/tasks/${other.id}/complete`)).body).toMatchObject({
      result: null,
      completedAt: expect.any(String),
    });
  });

  it('reschedules with PATCH dueAt under If-Match, and deletes (task.updated, task.deleted)', async () => {
    const task = await created(acme, '/api/v1/tasks', { text: 'Meet', dueAt: due(5), typeId: types[1]!.id });
    expect((await acme.request('PATCH', `/api/v1/tasks/${task.id}`, { dueAt: due(6) }, { 'if-match': '"5"' })).status).toBe(412);
    const moved = await acme.request('PATCH', `/api/v1/tasks/${task.id}`, { dueAt: due(30) }, { 'if-match': '"1"' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ dueAt: due(30), version: 2, text: 'Meet', typeId: types[1]!.id });
    expect((await acme.request('DELETE', `/api/v1/tasks/${task.id}`)).status).toBe(204);
    expect((await acme.request('GET', `/api/v1/tasks/${task.id}`)).status).toBe(404);
    const events = (await acme.request('GET', `/api/v1/events?entityType=task&entityId=${task.id}`)).body.items;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['task.deleted', 'task.updated', 'task.created']);
    expect(events[1].changes).toEqual([{ field: 'dueAt', from: task.dueAt, to: due(30) }]);
  });

  it('keeps managers to their own tasks for changes and lets them delete none', async () => {
    const theirs = await manager.request('POST', '/api/v1/tasks', { text: 'Mine', dueAt: due(3) });
    expect(theirs.status).toBe(201);
    expect(theirs.body.responsibleUserId).toBe(manager.id);
    expect(
      (await manager.request('POST', '/api/v1/tasks', { text: 'For the boss', dueAt: due(3), responsibleUserId: acme.userId })).status,
    ).toBe(403);
    const admins = await created(acme, '/api/v1/tasks', { text: 'Boss task', dueAt: due(3) });
    expect((await manager.request('PATCH', `/api/v1/tasks/${admins.id}`, { text: 'Hijack' })).status).toBe(403);
    expect((await manager.request('POST', `/api/v1/tasks/${admins.id}/complete`, {})).status).toBe(403);
    expect((await manager.request('GET', `/api/v1/tasks/${admins.id}`)).status).toBe(200);
    expect((await manager.request('DELETE', `/api/v1/tasks/${theirs.body.id}`)).status).toBe(403);
    expect((await manager.request('POST', `/api/v1/tasks/${theirs.body.id}/complete`, { result: 'ok' })).status).toBe(200);
  });
});

describe('Resource: tasks, list filters', () => {
  let acme: TestAccount;
  type Made = { id: string; dueAt: string; responsibleUserId: string; entity: { type: string; id: string } | null; completed: boolean };
  const made: Made[] = [];
  let lead: string;
  let contact: string;

  beforeAll(async () => {
    acme = await api.account('Filters Inc');
    const manager = await managerOf(acme);
    lead = (await created(acme, '/api/v1/leads', { name: 'Filtered deal' })).id;
    contact = (await created(acme, '/api/v1/contacts', { name: 'Filtered person' })).id;
    const L = { type: 'lead', id: lead };
    const C = { type: 'contact', id: contact };
    const plan: Array<[number, string, typeof L | null, boolean]> = [
      [-48, acme.userId, L, false],
      [-24, manager.id, null, false],
      [24, acme.userId, C, false],
      [48, manager.id, L, false],
      [-24, acme.userId, L, true],
      [72, manager.id, C, true],
      [72, acme.userId, null, false],
      [24, acme.userId, L, false],
      [24, manager.id, L, false],
      [-1, acme.userId, C, false],
    ];
    for (const [hours, responsibleUserId, entity, completed] of plan) {
      const task = await created(acme, '/api/v1/tasks', { text: `Due in ${hours} h`, dueAt: due(hours), responsibleUserId, entity });
      if (completed) expect((await acme.request('POST', `/api/v1/tasks/${task.id}/complete`, { result: 'done' })).status).toBe(200);
      made.push({ id: task.id, dueAt: task.dueAt, responsibleUserId, entity, completed });
    }
  });

  const nowIso = () => new Date().toISOString();
  const byDue = (a: Made, b: Made) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id);

  it('walks every filter and combination with limit=2: each matching task exactly once, a status in due order', async () => {
    const M = () => made.find((t) => t.responsibleUserId !== acme.userId)!.responsibleUserId;
    const cases: Array<[string, (t: Made) => boolean, boolean]> = [
      ['', () => true, false],
      ['status=open', (t) => !t.completed, true],
      ['status=completed', (t) => t.completed, true],
      ['status=overdue', (t) => !t.completed && t.dueAt < nowIso(), true],
      [`responsibleUserId=${M()}`, (t) => t.responsibleUserId === M(), false],
      [`responsibleUserId=${acme.userId}&status=open`, (t) => t.responsibleUserId === acme.userId && !t.completed, true],
      [`status=overdue&responsibleUserId=${M()}`, (t) => t.responsibleUserId === M() && !t.completed && t.dueAt < nowIso(), true],
      [`dueFrom=${due(24)}`, (t) => t.dueAt >= due(24), false],
      [`dueTo=${due(24)}`, (t) => t.dueAt <= due(24), false],
      [`status=open&dueFrom=${due(-24)}&dueTo=${due(48)}`, (t) => !t.completed && t.dueAt >= due(-24) && t.dueAt <= due(48), true],
      [`status=open&dueTo=${due(24)}`, (t) => !t.completed && t.dueAt <= due(24), true],
      [`status=completed&dueFrom=${due(0)}`, (t) => t.completed && t.dueAt >= due(0), true],
      [`status=overdue&dueTo=${due(-24)}`, (t) => !t.completed && t.dueAt <= due(-24), true],
      [`status=overdue&dueFrom=${due(-30)}`, (t) => !t.completed && t.dueAt >= due(-30) && t.dueAt < nowIso(), true],
      [`entityType=lead&entityId=${lead}`, (t) => t.entity?.id === lead, false],
      [`entityType=lead&entityId=${lead}&status=open`, (t) => t.entity?.id === lead && !t.completed, true],
      [
        `entityType=lead&entityId=${lead}&status=open&dueFrom=${due(24)}&dueTo=${due(24)}`,
        (t) => t.entity?.id === lead && !t.completed && t.dueAt === due(24),
        true,
      ],
      [
        `entityType=contact&entityId=${contact}&responsibleUserId=${M()}`,
        (t) => t.entity?.id === contact && t.responsibleUserId === M(),
        false,
      ],
      [
        `entityType=contact&entityId=${contact}&status=overdue`,
        (t) => t.entity?.id === contact && !t.completed && t.dueAt < nowIso(),
        true,
      ],
      ['entityType=contact', (t) => t.entity?.type === 'contact', false],
      [`entityType=lead&status=completed`, (t) => t.entity?.type === 'lead' && t.completed, true],
    ];
    for (const [query, matches, ordered] of cases) {
      const seen = await walk(acme, `/api/v1/tasks?${query}`, 2);
      const expected = made
        .filter(matches)
        .sort(byDue)
        .map((t) => t.id);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(new Set(seen).size, `${query}: no task twice`).toBe(seen.length);
      if (ordered) expect(seen, query).toEqual(expected);
      else expect([...seen].sort(), query).toEqual([...expected].sort());
    }
  });

  it('without a status lists the completed tasks, then the open ones', async () => {
    const all = (await acme.request('GET', '/api/v1/tasks?limit=250')).body.items as Array<{ id: string; completedAt: string | null }>;
    const states = all.map((t) => (t.completedAt ? 'completed' : 'open'));
    expect(states).toEqual([...states].sort());
  });

  it('answers 400 on bad filters and on entityId without entityType', async () => {
    for (const q of [
      'status=late',
      'dueFrom=yesterday',
      'entityType=deal&entityId=x',
      `entityId=${lead}`,
      'sort=dueAt',
      'limit=0',
      'cursor=nonsense',
    ]) {
      expect((await acme.request('GET', `/api/v1/tasks?${q}`)).status, q).toBe(400);
    }
  });
});

describe('Nearest open task of leads, contacts and companies', () => {
  let acme: TestAccount;
  beforeAll(async () => {
    acme = await api.account('Nearest Ltd');
  });

  const nearestOf = async (path: string) => {
    const res = await acme.request('GET', path);
    expect(res.status).toBe(200);
    return res.body as { nearestTaskAt: string | null; version: number };
  };

  it('follows a lead through create, an earlier task, complete, reschedule both ways and delete; its version (the ETag of an open card) untouched', async () => {
    const lead = await created(acme, '/api/v1/leads', { name: 'Deal with tasks' });
    expect(lead.nearestTaskAt).toBeNull();
    const L = `/api/v1/leads/${lead.id}`;
    const entity = { type: 'lead', id: lead.id };

    const later = await created(acme, '/api/v1/tasks', { text: 'Later', dueAt: due(48), entity });
    expect(await nearestOf(L)).toMatchObject({ nearestTaskAt: due(48), version: 1 });
    const sooner = await created(acme, '/api/v1/tasks', { text: 'Sooner', dueAt: due(24), entity });
    expect(await nearestOf(L)).toMatchObject({ nearestTaskAt: due(24), version: 1 });
    // A task due after the nearest one leaves the lead as it is.
    const latest = await created(acme, '/api/v1/tasks', { text: 'Latest', dueAt: due(96), entity });
    expect(await nearestOf(L)).toMatchObject({ nearestTaskAt: due(24), version: 1 });

    await acme.request('POST', `/api/v1/tasks/${sooner.id}/complete`, { result: 'done' });
    expect(await nearestOf(L)).toMatchObject({ nearestTaskAt: due(48), version: 1 });
    await acme.request('PATCH', `/api/v1/tasks/${later.id}`, { dueAt: due(120) });
    expect((await nearestOf(L)).nearestTaskAt).toBe(due(96));
    await acme.request('PATCH', `/api/v1/tasks/${later.id}`, { dueAt: due(-5) });
    expect((await nearestOf(L)).nearestTaskAt).toBe(due(-5));
    expect((await acme.request('DELETE', `/api/v1/tasks/${later.id}`)).status).toBe(204);
    expect((await nearestOf(L)).nearestTaskAt).toBe(due(96));
    expect((await acme.request('DELETE', `/api/v1/tasks/${latest.id}`)).status).toBe(204);
    expect(await nearestOf(L)).toMatchObject({ nearestTaskAt: null, version: 1 });

    // A lead PATCH keeps what the tasks set: its full write carries the value along.
    await created(acme, '/api/v1/tasks', { text: 'Again', dueAt: due(10), entity });
    const patched = await acme.request('PATCH', L, { price: 500 }, { 'if-match': '"1"' });
    expect(patched.body).toMatchObject({ price: 500, nearestTaskAt: due(10), version: 2 });
  });

  it('moves with a task relinked from a lead to a contact, and keeps a company too', async () => {
    const lead = await created(acme, '/api/v1/leads', { name: 'From here' });
    const contact = await created(acme, '/api/v1/contacts', { name: 'To there' });
    const company = await created(acme, '/api/v1/companies', { name: 'Horns and Hooves' });
    expect(contact.nearestTaskAt).toBeNull();
    const task = await created(acme, '/api/v1/tasks', { text: 'Relink me', dueAt: due(12), entity: { type: 'lead', id: lead.id } });
    const stay = await created(acme, '/api/v1/tasks', { text: 'Stay', dueAt: due(30), entity: { type: 'lead', id: lead.id } });
    expect((await nearestOf(`/api/v1/leads/${lead.id}`)).nearestTaskAt).toBe(due(12));

    const relinked = await acme.request('PATCH', `/api/v1/tasks/${task.id}`, { entity: { type: 'contact', id: contact.id } });
    expect(relinked.body.entity).toEqual({ type: 'contact', id: contact.id });
    expect((await nearestOf(`/api/v1/leads/${lead.id}`)).nearestTaskAt).toBe(due(30));
    expect(await nearestOf(`/api/v1/contacts/${contact.id}`)).toMatchObject({ nearestTaskAt: due(12), version: 1 });

    await acme.request('PATCH', `/api/v1/tasks/${stay.id}`, { entity: null });
    expect((await nearestOf(`/api/v1/leads/${lead.id}`)).nearestTaskAt).toBeNull();

    await created(acme, '/api/v1/tasks', { text: 'Company call', dueAt: due(7), entity: { type: 'company', id: company.id } });
    expect((await nearestOf(`/api/v1/companies/${company.id}`)).nearestTaskAt).toBe(due(7));
    await acme.request('POST', `/api/v1/tasks/${task.id}/complete`, {});
    expect((await nearestOf(`/api/v1/contacts/${contact.id}`)).nearestTaskAt).toBeNull();
  });

  it('sorts leads by nearest task, leads without one last, walking every lead once', async () => {
    const shop = await api.account('Sorted');
    const names = ['None A', 'In 3 days', 'Overdue', 'Tomorrow', 'None B'];
    const leads: Array<{ id: string; name: string }> = [];
    for (const name of names) leads.push(await created(shop, '/api/v1/leads', { name }));
    const plan: Record<string, number> = { 'In 3 days': 72, Overdue: -3, Tomorrow: 24 };
    for (const l of leads) {
      if (plan[l.name] !== undefined)
        await created(shop, '/api/v1/tasks', { text: 't', dueAt: due(plan[l.name]!), entity: { type: 'lead', id: l.id } });
    }
    const nameOf = (id: string) => leads.find((l) => l.id === id)!.name;
    const ascending = (await walk(shop, '/api/v1/leads?sort=nearestTask', 2)).map(nameOf);
    expect(ascending.slice(0, 3)).toEqual(['Overdue', 'Tomorrow', 'In 3 days']);
    expect(ascending.slice(3).sort()).toEqual(['None A', 'None B']);
    const descending = (await walk(shop, '/api/v1/leads?sort=-nearestTask', 2)).map(nameOf);
    expect(descending.slice(2)).toEqual(['In 3 days', 'Tomorrow', 'Overdue']);
  });

  it('keeps the nearest task right under concurrent task creates on one lead', async () => {
    const lead = await created(acme, '/api/v1/leads', { name: 'Busy deal' });
    const hours = [50, 40, 30, 20, 45, 35];
    const answers = await Promise.all(
      hours.map((h) => acme.request('POST', '/api/v1/tasks', { text: `in ${h}`, dueAt: due(h), entity: { type: 'lead', id: lead.id } })),
    );
    expect(answers.map((a) => a.status)).toEqual(hours.map(() => 201));
    expect((await nearestOf(`/api/v1/leads/${lead.id}`)).nearestTaskAt).toBe(due(20));
  });
});

describe('Reminders: task.due when a task falls due', () => {
  let acme: TestAccount;
  beforeAll(async () => {
    acme = await api.account('Reminded');
  });

  const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
  const dueEvents = async (taskId: string) =>
    (await acme.request('GET', `/api/v1/events?entityType=task&entityId=${taskId}&type=task.due`)).body.items as Array<{
      actor: { type: string };
      data: { task: { dueAt: string } };
    }>;
  async function waitForDue(taskId: string, timeoutMs = 15_000) {
    for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
      const items = await dueEvents(taskId);
      if (items.length) return items;
    }
    return [];
  }

  it('writes task.due (actor system) once the due time passes, once, with the due time it was set for', async () => {
    const moved = await created(acme, '/api/v1/tasks', { text: 'Moved', dueAt: soon(1_500) });
    const task = await created(acme, '/api/v1/tasks', { text: 'Call at once', dueAt: soon(1_500) });
    const completed = await created(acme, '/api/v1/tasks', { text: 'Done early', dueAt: soon(1_500) });
    await acme.request('POST', `/api/v1/tasks/${completed.id}/complete`, {});
    const later = soon(3_500);
    await acme.request('PATCH', `/api/v1/tasks/${moved.id}`, { dueAt: later });

    const fired = await waitForDue(task.id);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ actor: { type: 'system' }, data: { task: { id: task.id, dueAt: task.dueAt } } });
    const movedFired = await waitForDue(moved.id);
    expect(movedFired.map((e) => e.data.task.dueAt)).toEqual([later]);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(later));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await dueEvents(completed.id)).toEqual([]);
    expect(await dueEvents(task.id)).toHaveLength(1);
  });

  it('writes task.due once when the reminder is delivered twice, and not for a stale or malformed one', async () => {
    const { handler } = await import('../consumers/task-due.ts');
    const task = await created(acme, '/api/v1/tasks', { text: 'Delivered twice', dueAt: soon(3_600_000) });
    const detail = { accountId: acme.accountId, taskId: task.id, dueAt: task.dueAt };
    await Promise.all([handler({ detail }), handler({ detail })]);
    await handler({ detail });
    await handler({ detail: { ...detail, dueAt: soon(60_000) } });
    await handler({ detail: { taskId: task.id } });
    expect(await dueEvents(task.id)).toHaveLength(1);
  });
});

describe('Task lists name their records', () => {
  it('gives each listed task the name of its lead, contact or company', async () => {
    const acme = await api.account('Named');
    const lead = await created(acme, '/api/v1/leads', { name: 'Named lead' });
    const contact = await created(acme, '/api/v1/contacts', { name: 'Named contact' });
    await created(acme, '/api/v1/tasks', { text: 'On the lead', dueAt: '2031-01-01T09:00:00.000Z', entity: { type: 'lead', id: lead.id } });
    await created(acme, '/api/v1/tasks', {
      text: 'On the contact',
      dueAt: '2031-01-02T09:00:00.000Z',
      entity: { type: 'contact', id: contact.id },
    });
    await created(acme, '/api/v1/tasks', { text: 'On nothing', dueAt: '2031-01-03T09:00:00.000Z' });
    const items = (await acme.request('GET', '/api/v1/tasks?status=open')).body.items as Array<{
      text: string;
      entity: { name?: string } | null;
    }>;
    expect(items.map((t) => [t.text, t.entity?.name ?? null])).toEqual([
      ['On the lead', 'Named lead'],
      ['On the contact', 'Named contact'],
      ['On nothing', null],
    ]);
  });
});
