// Quick search through HTTP: name prefixes in Russian and English (case and ё/е folded),
// phone digits in any format, e-mail prefixes; the index follows renames and deletes; an
// account sees only its own records.
import { beforeAll, describe, expect, it } from 'vitest';
import { useApi, type CrmUser } from './support/api.ts';

const api = useApi();
let acme: CrmUser;
let other: CrmUser;

beforeAll(async () => {
  [acme, other] = await Promise.all([api.account('Acme'), api.account('Other')]);
});

const search = (account: CrmUser, q: string, limit?: number) => account.client.search({ q, ...(limit ? { limit } : {}) });
const ids = (list: Array<{ id: string }>) => list.map((h) => h.id);

describe('Resource: search', () => {
  it('finds leads by the prefix of any word of the name, Russian and English, ignoring case and ё/е', async () => {
    const elkin = await acme.client.leads.create({ name: 'Ёлкин Пётр', price: 500 });
    const smith = await acme.client.leads.create({ name: 'John Smith-Jones' });
    for (const q of ['елк', 'ЁЛК', 'Ёлкин', 'пет', 'петр ел']) expect(ids((await search(acme, q)).leads), q).toEqual([elkin.id]);
    for (const q of ['smi', 'Smith', 'jones', 'jo sm']) expect(ids((await search(acme, q)).leads), q).toEqual([smith.id]);
    expect((await search(acme, 'smi')).leads[0]).toEqual({ id: smith.id, name: 'John Smith-Jones', price: 0, status: 'open' });
    // a prefix, not any substring; every word of a query must match
    expect((await search(acme, 'mith')).leads).toEqual([]);
    expect((await search(acme, 'john petr')).leads).toEqual([]);
  });

  it('follows renames, moves and deletes in the same transaction', async () => {
    const lead = await acme.client.leads.create({ name: 'Zebra Deal' });
    expect(ids((await search(acme, 'zebr')).leads)).toEqual([lead.id]);
    await acme.client.leads.patch({ id: lead.id }, { name: 'Yak Deal', price: 42 });
    expect((await search(acme, 'zebr')).leads).toEqual([]);
    expect((await search(acme, 'yak')).leads).toEqual([expect.objectContaining({ id: lead.id, name: 'Yak Deal', price: 42 })]);
    await acme.client.leads.delete({ id: lead.id });
    expect((await search(acme, 'yak')).leads).toEqual([]);
  });

  it("never shows another account's records", async () => {
    await acme.client.leads.create({ name: 'Quokka Secret' });
    expect(await search(other, 'quokka')).toEqual({ leads: [], contacts: [], companies: [] });
  });

  it('returns each record once, at most `limit` per collection', async () => {
    await Promise.all(Array.from({ length: 4 }, (_, i) => acme.client.leads.create({ name: `Walrus Walross ${i}` })));
    const all = await search(acme, 'walr');
    expect(all.leads).toHaveLength(4);
    expect(new Set(ids(all.leads)).size).toBe(4);
    expect((await search(acme, 'walr', 3)).leads).toHaveLength(3);
  });

  it('rejects an empty or unknown query', async () => {
    // What the types refuse or a client would not send, sent raw.
    expect((await acme.request('GET', '/api/v1/search')).status).toBe(400);
    expect((await acme.request('GET', '/api/v1/search?q=%20')).status).toBe(400);
    expect((await acme.request('GET', '/api/v1/search?q=a&sort=name')).status).toBe(400);
  });

  describe('contacts and companies', () => {
    let petrov: { id: string };
    beforeAll(async () => {
      petrov = await acme.client.contacts.create({
        name: 'Пётр Ёлкин',
        phones: [{ value: '+7 (913) 909-73-32', type: 'mobile' }],
        emails: [{ value: 'Petr.Elkin@Example.com' }],
      });
    });

    it('finds a contact by the end or the start of its phone, 3+ digits, in any format', async () => {
      for (const q of ['+7 (913) 909-73-32', '89139097332', '79139097332', '9139097332', '9097332', '909-73-32', '7332', '332']) {
        expect(ids((await search(acme, q)).contacts), q).toEqual([petrov.id]);
      }
      // the start as dialled inside the country, with any separators, with or without +7 or 8
      for (const q of ['913 909', '913-909', '(913) 90', '913', '+7 913 909', '8 (913) 909', '8913909']) {
        expect(ids((await search(acme, q)).contacts), q).toEqual([petrov.id]);
      }
      // not the middle of a number, nor a wrong digit
      for (const q of ['9097333', '909 73', '13 909', '91']) expect((await search(acme, q)).contacts, q).toEqual([]);
    });

    it('finds a Cyrillic name by its Latin spelling, and a Latin name by a Cyrillic query', async () => {
      const romashka = await acme.client.companies.create({ name: 'ООО Ромашка' });
      const shchukin = await acme.client.contacts.create({ name: 'Жанна Щукина' });
      const lead = await acme.client.leads.create({ name: 'Поставка Ромашке' });
      const latin = await acme.client.companies.create({ name: 'Romashka Trading' });
      for (const q of ['romashka', 'Romash'])
        expect(ids((await search(acme, q)).companies).sort(), q).toEqual([romashka.id, latin.id].sort());
      expect(ids((await search(acme, 'ooo romashka')).companies)).toEqual([romashka.id]);
      expect(ids((await search(acme, 'romashke')).leads)).toEqual([lead.id]);
      for (const q of ['zhanna', 'schukina zh']) expect(ids((await search(acme, q)).contacts), q).toEqual([shchukin.id]);
      // the reverse: a Cyrillic query finds a Latin name by the query's Latin spelling
      expect(ids((await search(acme, 'ромашка тр')).companies)).toEqual([latin.id]);
      // a rename forgets the old Latin terms
      await acme.client.companies.patch({ id: romashka.id }, { name: 'ООО Василёк' });
      expect(ids((await search(acme, 'romashka')).companies)).toEqual([latin.id]);
      expect(ids((await search(acme, 'vasilek')).companies)).toEqual([romashka.id]);
    });

    it("the contacts list's search finds a contact by 3 digits of its phone, through the search index", async () => {
      const ivanov = await acme.client.contacts.create({ name: 'Иван Иванов', phones: [{ value: '+7 916 123-45-67' }] });
      for (const q of ['916', '916 123', '567', '45-67'])
        expect(ids((await acme.client.contacts.list({ q })).items), q).toEqual([ivanov.id]);
      expect((await acme.client.contacts.list({ q: '999 000' })).items).toEqual([]);
      expect((await other.client.contacts.list({ q: '916' })).items).toEqual([]);
      // a name search still reads names
      expect(ids((await acme.client.contacts.list({ q: 'ивано' })).items)).toEqual([ivanov.id]);
    });

    it('finds a contact by e-mail prefix and by name, once, with what a hit shows', async () => {
      for (const q of ['petr.elk', 'PETR.ELKIN@example.com']) expect(ids((await search(acme, q)).contacts), q).toEqual([petrov.id]);
      const byName = await search(acme, 'петр');
      expect(byName.contacts).toEqual([
        {
          id: petrov.id,
          name: 'Пётр Ёлкин',
          phones: [{ value: '+7 (913) 909-73-32', type: 'mobile' }],
          emails: [{ value: 'petr.elkin@example.com', type: 'work' }],
          position: null,
        },
      ]);
      // a Latin query finds the Cyrillic-named contact through its e-mail
      expect(ids((await search(acme, 'petr')).contacts)).toEqual([petrov.id]);
      expect((await search(other, '9097332')).contacts).toEqual([]);
    });

    it('finds companies by name, phone and e-mail, and forgets a changed phone', async () => {
      const company = await acme.client.companies.create({
        name: 'ООО Ёжик',
        phones: [{ value: '8 (495) 123-45-67' }],
        emails: [{ value: 'office@ezhik.ru' }],
      });
      expect(ids((await search(acme, 'ежик')).companies)).toEqual([company.id]);
      expect(ids((await search(acme, '1234567')).companies)).toEqual([company.id]);
      expect(ids((await search(acme, 'office@ez')).companies)).toEqual([company.id]);
      await acme.client.companies.patch({ id: company.id }, { phones: [{ value: '+7 495 765-43-21' }] });
      expect((await search(acme, '1234567')).companies).toEqual([]);
      expect(ids((await search(acme, '7654321')).companies)).toEqual([company.id]);
    });
  });
});
