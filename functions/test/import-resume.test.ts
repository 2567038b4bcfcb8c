// An import whose worker is stopped in the middle of a chunk and started again: no row is lost,
// none is doubled (the checkpoint moves with the counters; each row's records carry an
// Idempotency-Key made of the job and the row, so a row written before the stop is replayed).
import { describe, expect, it } from 'vitest';
import { db, runImport } from '@crm/core';
import { useApi, walkIds } from './support/api.ts';

const api = useApi();

describe('Import worker stopped and started again', () => {
  it('resumes from its checkpoint with every row in exactly once', { timeout: 180_000 }, async () => {
    const account = await api.account();
    const rows = Array.from({ length: 160 }, (_, i) => `Контакт ${i + 1},+7 900 ${String(i).padStart(7, '0')},c${i}@example.com`);
    const csv = ['Full name,Mobile phone,Email', ...rows].join('\n');
    const opened = await account.request('POST', '/api/v1/imports', { entityType: 'contacts', fileName: 'contacts.csv' });
    expect((await fetch(opened.body.uploadUrl, { method: 'PUT', body: csv })).status).toBe(200);
    // Marked uploaded without the start command, so that this test, not the bus, runs the worker.
    const key = { accountId: account.accountId, importId: opened.body.id };
    await db.importJob.patch(key).set({ uploaded: true }).go();

    const stop = new AbortController();
    const watching = (async () => {
      for (;;) {
        const { data } = await db.importJob.get(key).go();
        if ((data?.rowsDone ?? 0) >= 100) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      // Into the second chunk, then the worker is stopped with it half written.
      await new Promise((r) => setTimeout(r, 300));
      stop.abort();
    })();
    await expect(runImport(account.accountId, opened.body.id, { signal: stop.signal })).rejects.toThrow(/stopped/);
    await watching;
    const halfway = (await db.importJob.get(key).go()).data!;
    expect(halfway.status).toBe('running');
    expect(halfway.rowsDone).toBeGreaterThanOrEqual(100);
    expect(halfway.rowsDone).toBeLessThan(160);
    const writtenBeforeStop = (await walkIds((p) => account.client.contacts.list(p), 250)).length;
    expect(writtenBeforeStop).toBeGreaterThan(halfway.rowsDone);

    await runImport(account.accountId, opened.body.id);

    const job = (await account.request('GET', `/api/v1/imports/${opened.body.id}`)).body;
    expect(job).toMatchObject({ status: 'done', total: 160, processed: 160, created: 160, updated: 0, skipped: 0, failed: 0 });
    const ids = await walkIds((p) => account.client.contacts.list(p), 250);
    expect(ids).toHaveLength(160);
    const contacts = await Promise.all(ids.map((id) => account.client.contacts.get({ id })));
    expect(new Set(contacts.map((c) => c.name)).size).toBe(160);
    expect((await account.client.events.list({ type: 'contact.created', limit: 250 })).items).toHaveLength(160);
  });
});
