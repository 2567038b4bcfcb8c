// Imports (issue 14): an amoCRM-style Russian export goes in with no manual mapping, bad rows
// reported by their line; a small CSV inline with de-duplication; the failed rows and the undo.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CrmUser } from './support/api.ts';
import { useApi } from './support/api.ts';

const api = useApi();

/** Waits for the worker (the bus's import-run consumer) to finish the job. */
export async function finished(account: Pick<CrmUser, 'request'>, id: string, ms = 60_000) {
  const until = Date.now() + ms;
  for (;;) {
    const job = (await account.request('GET', `/api/v1/imports/${id}`)).body;
    if (!['queued', 'running'].includes(job.status)) return job;
    if (Date.now() > until) throw new Error(`Import ${id} still ${job.status}: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens an import of a file, uploads its bytes to the pre-signed URL and starts it. */
export async function importFile(account: Pick<CrmUser, 'request'>, entityType: string, bytes: Buffer, start: object = {}) {
  const opened = await account.request('POST', '/api/v1/imports', { entityType, fileName: 'export.csv' });
  expect(opened.status).toBe(201);
  const put = await fetch(opened.body.uploadUrl, { method: 'PUT', body: new Uint8Array(bytes) });
  if (put.status !== 200) throw new Error(`${put.status} ${await put.text()} ${opened.body.uploadUrl}`);
  expect(put.status).toBe(200);
  const started = await account.request('POST', `/api/v1/imports/${opened.body.id}/start`, start);
  expect(started.status).toBe(200);
  return opened.body.id as string;
}

const AMO_HEADER =
  'ID;Название сделки;Бюджет;Ответственный;Этап сделки;Воронка;Теги сделки;Полное имя контакта;Рабочий телефон (контакт);Мобильный телефон (контакт);Рабочий email (контакт);Компания;Дата создания;Примечание';

describe('Import of an amoCRM export', () => {
  it('takes a Windows-1251 `;` file with quoted newlines with zero manual mapping, reports bad rows by line, and undoes', async () => {
    const account = await api.account();
    const lines = [
      AMO_HEADER,
      `101;Поставка оборудования;150 000;Test Admin;Переговоры;;опт, москва;Иванов Иван Петрович;+7 (495) 123-45-67;+7 916 111-22-33;ivanov@romashka.ru;ООО Ромашка;01.02.2025;"Звонил дважды;\nпросит скидку"`,
      `102;Сервисный договор;"1 200,50";admin@example.com;Переговоры;;;Петрова Анна;;+7 916 222-33-44;;ООО Ромашка;02.02.2025;`,
      `103;Плохой бюджет;много денег;;;;;Сидоров;;+7 916 333-44-55;;;03.02.2025;`,
      `104;Лицензии;90000;;;;;Кузнецов Олег;;;not-an-email;ИП Кузнецов;04.02.2025;"Первая строка\nвторая строка\nтретья"`,
      `105;;;;;;;;;;;;;`,
      `106;Повторный заказ;5000;;;;;Иванов И.П.;+7 495 123 45 67;;;ООО Ромашка;05.02.2025;`,
    ];
    const bytes = iconv.encode(lines.join('\r\n') + '\r\n', 'win1251');

    const id = await importFile(account, 'leads', bytes);
    const job = await finished(account, id);

    expect(job).toMatchObject({ status: 'done', total: 6, processed: 6, created: 3, failed: 3 });
    // Lines of the file: the header is 1, row 101 spans 2-3, 102 is 4, 103 is 5, 104 spans 6-8, 105 is 9.
    expect(job.errors.map((e: { row: number }) => e.row)).toEqual([5, 6, 9]);
    expect(job.errors[0].message).toMatch(/много денег/);
    expect(job.errors[1].message).toMatch(/emails/);
    expect(job.mapping).toMatchObject({
      'lead.name': 'Название сделки',
      'lead.price': 'Бюджет',
      responsible: 'Ответственный',
      'lead.stage': 'Этап сделки',
      'lead.tags': 'Теги сделки',
      'contact.name': 'Полное имя контакта',
      'contact.phone': 'Рабочий телефон (контакт)',
      'contact.mobile': 'Мобильный телефон (контакт)',
      'contact.email': 'Рабочий email (контакт)',
      'company.name': 'Компания',
      'lead.note': 'Примечание',
    });

    const leads = (await account.client.leads.list({ limit: 50 })).items;
    expect(leads.map((l) => l.name).sort()).toEqual(['Повторный заказ', 'Поставка оборудования', 'Сервисный договор']);
    const first = leads.find((l) => l.name === 'Поставка оборудования')!;
    const second = leads.find((l) => l.name === 'Сервисный договор')!;
    const again = leads.find((l) => l.name === 'Повторный заказ')!;
    expect(first).toMatchObject({ price: 150000, tags: ['опт', 'москва'], responsibleUserId: account.userId });
    expect(second.price).toBe(1200.5);
    // One company for the three rows that name it; the repeated phone is the same contact.
    expect(new Set([first.companyId, second.companyId, again.companyId]).size).toBe(1);
    expect(again.contactIds).toEqual(first.contactIds);
    const ivanov = await account.client.contacts.get({ id: first.contactIds[0]! });
    expect(ivanov).toMatchObject({ name: 'Иванов Иван Петрович', emails: [{ value: 'ivanov@romashka.ru', type: 'work' }] });
    expect(ivanov.phones.map((p) => p.type)).toEqual(['work', 'mobile']);
    // The stage the file names was made in the default pipeline.
    const pipeline = (await account.client.pipelines.list({})).items[0]!;
    expect(pipeline.stages.find((s) => s.id === first.stageId)?.name).toBe('Переговоры');
    // The note kept its newline; the events are as by hand, with the importing user as actor.
    const notes = (await account.client.leads.notes.list({ id: first.id }, {})).items;
    expect(notes[0]?.text).toBe('Звонил дважды;\nпросит скидку');
    const events = (await account.client.events.list({ entityId: first.id, entityType: 'lead', type: 'lead.created' })).items;
    expect(events[0]?.actor).toEqual({ type: 'user', id: account.userId });

    // The failed rows, as they were, with the reason: to fix and import again.
    const failed = await account.request('GET', `/api/v1/imports/${id}/failed-rows`);
    expect(failed.status).toBe(200);
    expect(String(failed.body)).toContain('много денег');
    expect(
      String(failed.body)
        .trim()
        .split('\n')
        .filter((l) => /^\d{3};|^"?\d{3}/.test(l)),
    ).toHaveLength(3);

    // Undo: one request (202), then the worker moves the created records to the trash; the job shows how far.
    const undone = await account.request('POST', `/api/v1/imports/${id}/undo`);
    expect(undone.status).toBe(202);
    expect(undone.body).toMatchObject({ undoStatus: 'running', undone: 0, undoneAt: null });
    expect((await account.request('POST', `/api/v1/imports/${id}/undo`)).status).toBe(409);
    const until = Date.now() + 30_000;
    let after = undone.body;
    while (after.undoStatus !== 'done' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      after = (await account.request('GET', `/api/v1/imports/${id}`)).body;
    }
    // 3 leads, 2 new contacts (row 106 updated 101's) and 2 companies (made before their rows, row 104's too).
    expect(after).toMatchObject({ undoStatus: 'done', undone: 7 });
    expect(after.undoneAt).not.toBeNull();
    expect((await account.client.leads.list({ limit: 50 })).items).toEqual([]);
    expect((await account.client.contacts.list({ limit: 50 })).items).toEqual([]);
    expect((await account.client.companies.list({ limit: 50 })).items).toEqual([]);
    expect((await account.client.trash.list({ limit: 50 })).items.length).toBeGreaterThanOrEqual(6);
  });
});

describe('Import of companies that exist', () => {
  it('updates a stored company with what the row has, keeps what it leaves empty, and finds a name among similar ones', async () => {
    const account = await api.account();
    const romashka = await account.client.companies.create({
      name: 'ООО Ромашка',
      phones: [{ value: '+7 495 111-22-33', type: 'work' }],
      emails: [{ value: 'info@romashka.ru', type: 'work' }],
      website: 'old.ru',
    });
    // "лилия 1" sorts before "лилия" in the name index: the stored "Лилия" is behind five of them.
    for (const name of ['Лилия 1', 'Лилия 2', 'Лилия 3', 'Лилия 4', 'Лилия 5', 'Лилия']) await account.client.companies.create({ name });

    const csv = ['Компания;Сайт;Телефон компании', 'ООО Ромашка;romashka.com;', 'Лилия;liliya.ru;+7 495 999-00-00'].join('\n');
    const opened = await account.request('POST', '/api/v1/imports', { entityType: 'companies', csv });
    expect(opened.status).toBe(201);
    expect(await finished(account, opened.body.id)).toMatchObject({ status: 'done', created: 0, updated: 2, failed: 0 });

    const after = await account.client.companies.get({ id: romashka.id });
    expect(after.website).toBe('romashka.com');
    expect(after.phones.map((p) => p.value)).toEqual(romashka.phones.map((p) => p.value));
    expect(after.emails.map((e) => e.value)).toEqual(['info@romashka.ru']);
    const liliya = (await account.client.companies.list({ q: 'Лилия', limit: 50 })).items.filter((c) => c.name === 'Лилия');
    expect(liliya).toHaveLength(1);
    expect(liliya[0]!.phones).toHaveLength(1);
  });
});

describe('A leads row that fails', () => {
  it('makes no company', async () => {
    const account = await api.account();
    const csv = ['Название сделки;Бюджет;Компания', 'Хорошая;100;Ясень', 'Плохая;сто рублей;Берёза'].join('\n');
    const opened = await account.request('POST', '/api/v1/imports', { entityType: 'leads', csv });
    expect(opened.status).toBe(201);
    expect(await finished(account, opened.body.id)).toMatchObject({ status: 'done', created: 1, failed: 1 });
    expect((await account.client.companies.list({ limit: 50 })).items.map((c) => c.name)).toEqual(['Ясень']);
  });
});

describe('Export', () => {
  it('streams a filtered list as CSV within the export right; a manager (export none) gets 403', async () => {
    const account = await api.account();
    const csv = '\uFEFFName,Phone,Email,Tags\nАнна,+7 900 000 00 01,anna@example.com,vip\nБорис,+7 900 000 00 02,boris@example.com,\n';
    const opened = await account.request('POST', '/api/v1/imports', { entityType: 'contacts', csv });
    expect(opened.status).toBe(201);
    expect((await finished(account, opened.body.id)).created).toBe(2);

    const all = await account.request('GET', '/api/v1/exports?entityType=contacts&format=csv');
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = String(all.body).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\uFEFF?id,name,phones,emails/);
    const tagged = await account.request('GET', '/api/v1/exports?entityType=contacts&tag=vip');
    expect(String(tagged.body).trim().split('\n')).toHaveLength(2);
    expect(String(tagged.body)).toContain('anna@example.com');
    expect((await account.request('GET', '/api/v1/exports?entityType=contacts&bogus=1')).status).toBe(400);

    const manager = await api.manager(account);
    expect((await manager.request('GET', '/api/v1/exports?entityType=contacts')).status).toBe(403);
  });
});

describe('XLSX', () => {
  it('imports an amoCRM-style XLSX (dates, numbers, a bad row) with zero manual mapping, and exports a list as XLSX', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const account = await api.account();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Сделки');
    sheet.addRow(['Название сделки', 'Бюджет', 'Полное имя контакта', 'Мобильный телефон (контакт)', 'Компания', 'Дата создания']);
    sheet.addRow(['Поставка', 150000, 'Иванов Иван', '+7 916 111-22-33', 'ООО Ромашка', new Date(Date.UTC(2025, 1, 1))]);
    sheet.addRow(['Лицензии', { formula: '45000*2', result: 90000 }, 'Петрова Анна', '+7 916 222-33-44', 'ООО Ромашка', null]);
    sheet.addRow(['Плохой бюджет', 'много денег', 'Сидоров', '+7 916 333-44-55', '', null]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());

    const id = await importFile(account, 'leads', bytes);
    const preview = await account.request('GET', `/api/v1/imports/${id}/preview`);
    expect(preview.body.columns[0]).toBe('Название сделки');
    expect(preview.body.mapping).toMatchObject({ 'lead.name': 'Название сделки', 'lead.price': 'Бюджет', 'company.name': 'Компания' });
    const job = await finished(account, id);
    expect(job).toMatchObject({ status: 'done', created: 2, failed: 1 });
    expect(job.errors.map((e: { row: number }) => e.row)).toEqual([4]);
    const leads = (await account.client.leads.list({ limit: 50 })).items;
    expect(leads.map((l) => [l.name, l.price]).sort()).toEqual([
      ['Лицензии', 90000],
      ['Поставка', 150000],
    ]);

    // Export: a 303 to the file in the bucket, a workbook with the header and both leads.
    const answer = await fetch(new URL('/api/v1/exports?entityType=leads&format=xlsx', api.apiUrl), {
      headers: { authorization: `Bearer ${account.token}` },
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    const file = await fetch(answer.headers.get('location')!);
    expect(file.status).toBe(200);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(Buffer.from(await file.arrayBuffer()) as never);
    const rows = read.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1, 4)).toEqual(['id', 'name', 'price']);
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(['Лицензии', 'Поставка']);
  }, 120_000);
});
