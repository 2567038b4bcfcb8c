// 1,000 mutations -> exactly 1,000 events in the event log and on a bus, by id, none lost and
// none twice, although the delivering process (the stream poller standing in for the Pipe) is
// stopped in the middle and started again from its checkpoint while the writes go on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLead, db } from '@crm/core';
import { startEventBus } from '@crm/local/events/bus';
import { StreamPipe } from '@crm/local/events/stream';
import { testEnv } from '@crm/local/testing';
import { useApi } from './support/api.ts';

const api = useApi();
const dataDir = mkdtempSync(join(tmpdir(), 'crm-thousand-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('The outbox under load', () => {
  it('carries 1,000 lead.created events exactly once each across a restart of the poller', { timeout: 240_000 }, async () => {
    const env = testEnv();
    const account = await api.account();
    const caller = { accountId: account.accountId, userId: account.userId, role: 'admin', groupId: null };
    const bus = await startEventBus({});
    const onBus: string[] = [];
    bus.addRule({
      name: 'count',
      pattern: { source: ['crm'], 'detail-type': ['lead.created'], detail: { accountId: [account.accountId] } },
      target: async (e) => void onBus.push((e.detail as { id: string }).id),
    });
    const pipe = () =>
      new StreamPipe({
        dynamodbEndpoint: env.DYNAMODB_ENDPOINT!,
        tableName: env.TABLE_NAME!,
        eventBridgeEndpoint: bus.endpoint,
        eventBusName: env.EVENT_BUS_NAME!,
        region: env.AWS_REGION!,
        dataDir,
        pollMs: 50,
        log: () => {},
      });
    let poller = pipe();
    poller.start();

    const write = async (from: number, to: number) => {
      for (let i = from; i < to; i += 20) {
        await Promise.all(Array.from({ length: Math.min(20, to - i) }, (_, k) => createLead(caller, { name: `Load ${i + k}` } as never)));
      }
    };
    await write(0, 400);
    await expect.poll(() => onBus.length, { timeout: 60_000, interval: 200 }).toBeGreaterThan(100);
    // The poller stops mid-stream (a restart or a deploy); writes go on meanwhile.
    await poller.stop();
    const seenBeforeRestart = onBus.length;
    await write(400, 700);
    poller = pipe();
    poller.start();
    await write(700, 1000);
    await expect.poll(() => onBus.length, { timeout: 120_000, interval: 250 }).toBeGreaterThanOrEqual(1000);
    await new Promise((r) => setTimeout(r, 1000)); // anything extra would arrive now
    await poller.stop();
    await bus.idle();
    await bus.close();

    const logged = await db.event.query.byId({ accountId: account.accountId }).go({ pages: 'all' });
    const loggedIds = logged.data.filter((e) => e.type === 'lead.created').map((e) => e.eventId);
    expect(seenBeforeRestart).toBeLessThan(1000);
    expect(loggedIds).toHaveLength(1000);
    expect(new Set(loggedIds).size).toBe(1000);
    expect(onBus).toHaveLength(1000);
    expect(new Set(onBus)).toEqual(new Set(loggedIds));
  });
});
