// The rights matrix on every route of each entity (issue 10): for each entity type, action and
// scope, one user allowed and one denied, on get, patch, delete, the list (with and without a
// responsible filter) and search. Roles are custom roles read with the caller on each request.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiAnswer } from '@crm/local/http-client';
import { logInAs } from '@crm/local/testing';
import { callApi } from '@crm/local/http-client';
import { useApi, type CrmUser } from './support/api.ts';

type Entity = 'leads' | 'contacts' | 'companies' | 'tasks';
type Scope = 'none' | 'own' | 'group' | 'all';
const ENTITIES: Entity[] = ['leads', 'contacts', 'companies', 'tasks'];
const tag = Math.random().toString(36).slice(2, 8);

const matrix = (scope: Scope) =>
  Object.fromEntries(ENTITIES.map((e) => [e, { view: scope, edit: scope, delete: scope, export: 'none' }])) as never;

const api = useApi();
let admin: CrmUser;
type Member = { id: string; call: (method: string, path: string, body?: unknown) => Promise<ApiAnswer> };
/** own: Olga and Oleg (Oleg in the group); group: Gleb, in the group with Oleg; none: Nina; all: the admin. */
const u = {} as Record<'olga' | 'oleg' | 'gleb' | 'nina' | 'admin', Member>;
/** Per entity: records whose responsible is Olga, and Oleg (two each: one is deleted by the allowed). */
const rec = {} as Record<Entity, { olga: string[]; oleg: string[] }>;

const bodyOf = (e: Entity, name: string) => (e === 'tasks' ? { text: name, dueAt: '2031-01-01T09:00:00.000Z' } : { name });
const patchOf = (e: Entity) => (e === 'tasks' ? { text: `Changed ${tag}` } : { name: `Changed ${tag}` });

beforeAll(async () => {
  admin = await api.account('Matrix LLC');
  const roleOf = async (scope: Scope) => (await admin.client.roles.create({ name: `Scope ${scope}`, rights: matrix(scope) })).id;
  const [own, group, none] = await Promise.all([roleOf('own'), roleOf('group'), roleOf('none')]);
  const team = await admin.client.groups.create({ name: 'Team' });
  const member = async (name: string, role: string, groupId?: string): Promise<Member> => {
    const email = `${name}-${tag}-${Math.random().toString(36).slice(2)}@example.com`;
    const user = await admin.client.users.create({ email, name, role, password: 'Test-password-1', ...(groupId && { groupId }) });
    const token = await logInAs(email, 'Test-password-1');
    return { id: user.id, call: (m, p, b) => callApi(api.apiUrl, m, p, b, { authorization: `Bearer ${token}` }) };
  };
  u.olga = await member('olga', own);
  u.oleg = await member('oleg', own, team.id);
  u.gleb = await member('gleb', group, team.id);
  u.nina = await member('nina', none);
  u.admin = { id: admin.userId, call: (m, p, b) => admin.request(m, p, b) };
  for (const e of ENTITIES) {
    const make = async (who: 'olga' | 'oleg', i: number) => {
      const res = await u[who].call('POST', `/api/v1/${e}`, bodyOf(e, `Mx${tag} ${who} ${i}`));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    rec[e] = { olga: [await make('olga', 1), await make('olga', 2)], oleg: [await make('oleg', 1), await make('oleg', 2)] };
  }
}, 120_000);

type Case = { who: keyof typeof u; owner: 'olga' | 'oleg'; allowed: boolean; scope: Scope };
/** Per scope, who is allowed on whose record, and who is denied. */
const CASES: Case[] = [
  { scope: 'own', who: 'olga', owner: 'olga', allowed: true },
  { scope: 'own', who: 'olga', owner: 'oleg', allowed: false },
  { scope: 'group', who: 'gleb', owner: 'oleg', allowed: true },
  { scope: 'group', who: 'gleb', owner: 'olga', allowed: false },
  { scope: 'all', who: 'admin', owner: 'olga', allowed: true },
  { scope: 'none', who: 'nina', owner: 'olga', allowed: false },
];

describe.each(ENTITIES)('Rights on %s', (e) => {
  it.each(CASES)('view $scope: $who on $owner’s record allowed=$allowed (get)', async ({ who, owner, allowed }) => {
    expect((await u[who].call('GET', `/api/v1/${e}/${rec[e][owner][0]}`)).status).toBe(allowed ? 200 : 403);
  });

  it.each(CASES)('view $scope: $who lists $owner’s records allowed=$allowed (list by responsible)', async ({ who, owner, allowed }) => {
    const res = await u[who].call('GET', `/api/v1/${e}?responsibleUserId=${u[owner].id}&limit=100`);
    if (!allowed) return expect(res.status).toBe(403);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(rec[e][owner]));
  });

  it.each(CASES)('view $scope: $who’s unfiltered list shows $owner’s records=$allowed', async ({ who, owner, allowed, scope }) => {
    const res = await u[who].call('GET', `/api/v1/${e}?limit=100`);
    if (scope === 'none') return expect(res.status).toBe(403);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: { id: string }) => i.id);
    // With `group` and no filter the list is the whole group's (one Query per member, merged).
    for (const id of rec[e][owner]) expect(ids.includes(id)).toBe(allowed);
  });

  it.each(CASES)('edit $scope: $who on $owner’s record allowed=$allowed (patch)', async ({ who, owner, allowed }) => {
    expect((await u[who].call('PATCH', `/api/v1/${e}/${rec[e][owner][0]}`, patchOf(e))).status).toBe(allowed ? 200 : 403);
  });

  if (e !== 'tasks') {
    it.each(CASES)('view $scope: $who searching finds $owner’s record=$allowed', async ({ who, owner, allowed }) => {
      const res = await u[who].call('GET', `/api/v1/search?q=${encodeURIComponent(`Mx${tag} ${owner}`)}`);
      expect(res.status).toBe(200);
      const ids = (res.body[e] as { id: string }[]).map((h) => h.id);
      expect(ids.includes(rec[e][owner][1])).toBe(allowed);
    });
  }

  it('delete: the denied are refused first, then the allowed delete (own, group)', async () => {
    for (const c of CASES.filter((c) => !c.allowed)) {
      expect((await u[c.who].call('DELETE', `/api/v1/${e}/${rec[e][c.owner][1]}`)).status, `${c.who} -> ${c.owner}`).toBe(403);
    }
    expect((await u.olga.call('DELETE', `/api/v1/${e}/${rec[e].olga[1]}`)).status).toBe(204);
    expect((await u.gleb.call('DELETE', `/api/v1/${e}/${rec[e].oleg[1]}`)).status).toBe(204);
  });
});

describe('Kanban totals', () => {
  it('count every lead for a caller who may view all, only the visible ones for the others, and none for `none`', async () => {
    const pipelines = await admin.client.pipelines.list();
    const pipeline = pipelines.items[0];
    const path = `/api/v1/pipelines/${pipeline.id}/totals`;
    // What each user's own leads in the pipeline add up to, per stage, from the admin's list.
    const ownTotals = async (users: string[]) => {
      const sums = new Map<string, { count: number; amount: number }>();
      for (const userId of users) {
        const page = await admin.client.leads.list({ responsibleUserId: userId, pipelineId: pipeline.id, limit: 100 });
        for (const l of page.items) {
          const s = sums.get(l.stageId) ?? { count: 0, amount: 0 };
          sums.set(l.stageId, { count: s.count + 1, amount: s.amount + l.price });
        }
      }
      return pipeline.stages.map((s) => ({ stageId: s.id, count: sums.get(s.id)?.count ?? 0, amount: sums.get(s.id)?.amount ?? 0 }));
    };
    const all = await u.admin.call('GET', path);
    expect(all.status).toBe(200);
    expect(all.body.stages.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBeGreaterThanOrEqual(2);
    const olga = await u.olga.call('GET', path);
    expect(olga.status).toBe(200);
    expect(olga.body.stages).toEqual(await ownTotals([u.olga.id]));
    const gleb = await u.gleb.call('GET', path);
    expect(gleb.status).toBe(200);
    expect(gleb.body.stages).toEqual(await ownTotals([u.gleb.id, u.oleg.id]));
    expect(gleb.body.stages.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBeGreaterThan(0);
    expect((await u.nina.call('GET', path)).status).toBe(403);
  });
});
