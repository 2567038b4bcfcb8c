// `view: group` lists (issue 10): with no member named, a list shows the whole group's
// records, read as one Query per member on the by-responsible index and merged in the
// list's order into full pages; the cursor carries each member's position.
import { beforeAll, describe, expect, it } from 'vitest';
import { logInAs } from '@crm/local/testing';
import { useApi, clientsOf, walkIds, type CrmUser } from './support/api.ts';

const api = useApi();
type Kind = 'leads' | 'contacts' | 'companies' | 'tasks';
const KINDS: Kind[] = ['leads', 'contacts', 'companies', 'tasks'];
let admin: CrmUser;
/** Three members of one group (role `group` on every entity) and an outsider with the same role. */
const people = {} as Record<'gleb' | 'galina' | 'gosha' | 'outsider', Pick<CrmUser, 'userId' | 'client'>>;
/** Per kind, the ids each person is responsible for. */
const made = {} as Record<Kind, Record<keyof typeof people, string[]>>;

const PER_PERSON = 4;

beforeAll(async () => {
  admin = await api.account('Group lists LLC');
  const rights = { view: 'group', edit: 'group', delete: 'none', export: 'none' } as const;
  const role = await admin.client.roles.create({
    name: 'Group',
    rights: { leads: rights, contacts: rights, companies: rights, tasks: rights },
  });
  const [team, other] = await Promise.all([admin.client.groups.create({ name: 'Team' }), admin.client.groups.create({ name: 'Other' })]);
  const person = async (name: string, groupId: string) => {
    const email = `${name}-${Math.random().toString(36).slice(2)}@example.com`;
    const user = await admin.client.users.create({ email, name, role: role.id, groupId, password: 'Test-password-1' });
    return { userId: user.id, ...clientsOf(api.apiUrl, await logInAs(email, 'Test-password-1')) };
  };
  people.gleb = await person('gleb', team.id);
  people.galina = await person('galina', team.id);
  people.gosha = await person('gosha', team.id);
  people.outsider = await person('outsider', other.id);
  const who = Object.keys(people) as (keyof typeof people)[];
  for (const kind of KINDS) made[kind] = { gleb: [], galina: [], gosha: [], outsider: [] };
  // Interleaved, so that a member's records are spread over the others' in every order.
  for (let i = 0; i < PER_PERSON; i++) {
    for (const [n, p] of who.entries()) {
      const c = people[p].client;
      const name = `G ${p} ${i}`;
      made.leads[p].push((await c.leads.create({ name, price: 100 * (i + 1) })).id);
      made.contacts[p].push((await c.contacts.create({ name })).id);
      made.companies[p].push((await c.companies.create({ name })).id);
      // Due times interleave across people and are not in creation order.
      const due = new Date(Date.UTC(2031, 0, 1 + ((i * 7 + n * 3) % 17), 9)).toISOString();
      made.tasks[p].push((await c.tasks.create({ text: name, dueAt: due })).id);
    }
  }
}, 180_000);

const listOf = (c: CrmUser['client'], kind: Kind) => (page: { limit: number; cursor?: string }, sort?: string) =>
  (c[kind].list as (q: object) => Promise<{ items: { id: string }[]; nextCursor: string | null }>)({ ...page, ...(sort && { sort }) });

describe.each(KINDS)('A group member lists %s', (kind) => {
  const groupIds = () => [...made[kind].gleb, ...made[kind].galina, ...made[kind].gosha];

  it.each(kind === 'tasks' ? [undefined] : ['createdAt', '-createdAt', '-updatedAt'])(
    'sees the whole group, each once, in the admin’s order, in full pages (sort %s)',
    async (sort) => {
      const pages: number[] = [];
      const seen = await walkIds(async (page) => {
        const answer = await listOf(people.galina.client, kind)(page, sort);
        pages.push(answer.items.length);
        return answer;
      }, 5);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual(groupIds().sort());
      for (const id of made[kind].outsider) expect(seen).not.toContain(id);
      // Full pages while more remain; the last may be short (or empty, after an exact fit).
      expect(pages.slice(0, -1).every((n) => n === 5)).toBe(true);
      const everyone = await walkIds((page) => listOf(admin.client, kind)(page, sort), 50);
      const wanted = new Set(groupIds());
      expect(seen).toEqual(everyone.filter((id) => wanted.has(id)));
    },
  );

  it('naming a member still lists only theirs, and an outsider is refused', async () => {
    const list = people.gleb.client[kind].list as (q: object) => Promise<{ items: { id: string }[] }>;
    const gosha = await list({ responsibleUserId: people.gosha.userId, limit: 50 });
    expect(gosha.items.map((i) => i.id).sort()).toEqual([...made[kind].gosha].sort());
    await expect(list({ responsibleUserId: people.outsider.userId })).rejects.toMatchObject({ status: 403 });
  });
});

describe('A merged list’s cursor', () => {
  it('is refused when forged or of another account', async () => {
    const forged = Buffer.from(JSON.stringify({ members: { [people.gleb.userId]: 'bm90IGEgY3Vyc29y' } })).toString('base64url');
    await expect(people.gleb.client.leads.list({ cursor: forged })).rejects.toMatchObject({ status: 400 });
    await expect(people.gleb.client.leads.list({ cursor: 'bm90LWpzb24' })).rejects.toMatchObject({ status: 400 });
  });
});
