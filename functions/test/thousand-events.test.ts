// 1,000 mutations (notes added to leads: the cheapest write that goes through the aggregate and
// its outbox, so the test stays short) -> exactly 1,000 events in the event log and every one of them on the bus,
// although the delivering process (the stream poller standing in for the Pipe, run as a child
// process) is killed with SIGKILL in the middle of a batch and started again from its checkpoint
// while the writes go on.
//
// The shared test table's stream holds every other test's records, so the poller's first start is
// at LATEST: it skips them and delivers all written after it started, also while it is still
// reading to their end (a full run once lost 295 notes written during that first pass).
//
// What is promised, as in AWS: the event log is written in each mutation's own transaction and
// keyed by event id, so it holds each event exactly once. Delivery from the stream to the bus is
// at least once (an event source mapping, like a Pipe, puts the batch that was in flight again
// after a crash), so the raw bus must lose none but may repeat some; a receiver that keeps what
// it has seen by event id (as the consumers do) then sees each event exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { addNote, createLead, db } from '@crm/core';
import { startEventBus } from '@crm/local/events/bus';
import { CHECKPOINT_FILE } from '@crm/local/events/stream';
import { testEnv } from '@crm/local/testing';
import { useApi } from './support/api.ts';

const api = useApi();
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STREAM_PROCESS = join(REPO_ROOT, 'packages/local/src/events/stream-process.ts');
const MUTATIONS = 1000;
const dataDir = mkdtempSync(join(tmpdir(), 'crm-thousand-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/**
 * A loopback relay in front of the bus. Once `holdWhen` says so, it passes one PutEvents on to
 * the bus and keeps the answer back: the events are on the bus, and the poller, waiting for the
 * answer, has not moved its checkpoint past the batch when it is killed.
 */
async function startRelay(busEndpoint: string, holdWhen: (body: string) => boolean) {
  let onHold: () => void;
  const held = new Promise<void>((resolve) => (onHold = resolve));
  let holding = false;
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const hold = !holding && holdWhen(body.toString());
      holding ||= hold;
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)),
      ) as Record<string, string>;
      const answer = await fetch(busEndpoint + req.url, { method: req.method, headers, body });
      if (hold) return onHold(); // the answer never comes: the poller is killed waiting for it
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    })().catch((err) => res.destroy(err as Error));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('The outbox under load', () => {
  it('puts 1,000 note.added events on the bus, none lost, across a SIGKILL of the delivering process', { timeout: 120_000 }, async () => {
    const env = testEnv();
    const bus = await startEventBus({});
    const raw: string[] = []; // every delivery of the rule, repeats included
    const seen = new Set<string>(); // the idempotent receiver: one entry per event id
    let accountId = '';
    // The poller is caught in the middle: a third of the way through, one of our batches is held.
    const relay = await startRelay(bus.endpoint, (body) => seen.size >= MUTATIONS / 3 && body.includes(accountId));

    const startPoller = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', STREAM_PROCESS], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          DYNAMODB_ENDPOINT: env.DYNAMODB_ENDPOINT,
          TABLE_NAME: env.TABLE_NAME,
          AWS_REGION: env.AWS_REGION,
          EVENTBRIDGE_ENDPOINT: relay.endpoint,
          EVENT_BUS_NAME: env.EVENT_BUS_NAME,
          STREAM_DATA_DIR: dataDir,
          STREAM_STARTING_POSITION: 'LATEST',
          STREAM_POLL_MS: '50',
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const output: string[] = [];
      child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
        child.once('exit', (code, signal) => resolve(signal ?? code)),
      );
      children.add(child);
      const alive = () => child.exitCode === null && child.signalCode === null;
      const report = () =>
        `(${alive() ? 'running' : `ended: ${child.signalCode ?? child.exitCode}`}) said: ${output.join('') || 'nothing'}`;
      return { child, exited, output, alive, report };
    };
    const checkpoint = join(dataDir, CHECKPOINT_FILE);
    let poller = startPoller();
    const first = poller;
    const account = await api.account();
    accountId = account.accountId;
    const caller = { accountId, userId: account.userId, role: 'admin', groupId: null };
    const WRITERS = 25;
    const leads = await Promise.all(Array.from({ length: WRITERS }, (_, n) => createLead(caller, { name: `Noted ${n}` } as never)));
    bus.addRule({
      name: 'count',
      pattern: { source: ['crm'], 'detail-type': ['note.added'], detail: { accountId: [accountId] } },
      target: async (e) => {
        const id = (e.detail as { id: string }).id;
        raw.push(id);
        seen.add(id);
      },
    });
    // The checkpoint file is written once the first pass is done: the start at LATEST is kept.
    const died = poller.exited.then(() => {
      throw new Error(`the stream poller ended before its first pass ${poller.report()}`);
    });
    await Promise.race([expect.poll(() => existsSync(checkpoint), { timeout: 30_000, interval: 100 }).toBe(true), died]);

    // Each writer adds notes to a lead of its own (no two wait on one item), taking the next until all are written.
    let next = 0;
    const writer = async (lead: { id: string }) => {
      for (let n = next++; n < MUTATIONS; n = next++) {
        await addNote(caller, { type: 'lead', id: lead.id }, { text: `Note ${n}`, type: 'common' });
      }
    };
    const writing = Promise.all(leads.map(writer));

    await Promise.race([relay.held, died]);
    await bus.idle();
    poller.child.kill('SIGKILL');
    expect(await poller.exited).toBe('SIGKILL');
    children.delete(poller.child);
    const onBusAtKill = seen.size;
    // What survives the kill is the position after the last batch the poller finished.
    const saved = JSON.parse(readFileSync(checkpoint, 'utf8')) as { shards: Record<string, { sequenceNumber?: string }> };
    expect(Object.values(saved.shards).some((shard) => shard.sequenceNumber)).toBe(true);

    poller = startPoller();
    await writing;
    const logged = await db.event.query.byId({ accountId }).go({ pages: 'all' });
    const notes = logged.data.filter((e) => e.type === 'note.added');
    try {
      await expect.poll(() => seen.size, { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(MUTATIONS);
    } catch (err) {
      // What was lost, when it was written, and what both pollers said: the cause, not just a count.
      const lost = notes.filter((e) => !seen.has(e.eventId)).map((e) => e.occurredAt);
      lost.sort();
      throw new Error(
        `${seen.size} of ${notes.length} logged events on the bus (${onBusAtKill} at the kill); ${lost.length} missing, ` +
          `written ${lost[0]} to ${lost.at(-1)}. First poller ${first.report()}. Restarted poller ${poller.report()}`,
        { cause: err },
      );
    }
    // Anything extra would arrive within a few more polls.
    await new Promise((r) => setTimeout(r, 500));
    expect(poller.alive(), `the restarted poller ${poller.report()}`).toBe(true);
    poller.child.kill('SIGTERM');
    expect(await poller.exited).toBe(0);
    children.delete(poller.child);
    await bus.idle();
    await relay.close();
    await bus.close();

    const loggedIds = notes.map((e) => e.eventId);
    // The kill came in the middle of delivering the 1,000.
    expect(onBusAtKill).toBeGreaterThan(0);
    expect(onBusAtKill).toBeLessThan(MUTATIONS);
    // The event log: exactly once.
    expect(loggedIds).toHaveLength(MUTATIONS);
    expect(new Set(loggedIds).size).toBe(MUTATIONS);
    // The raw bus: every event at least once, nothing that is not in the log; the held batch came again.
    expect(new Set(raw)).toEqual(new Set(loggedIds));
    const repeats = raw.length - MUTATIONS;
    expect(repeats).toBeGreaterThan(0);
    // Only the batch in flight came again, not all that was delivered before the kill (the restart
    // began at the checkpoint, not at the stream's start), and at most one GetRecords batch of it.
    expect(repeats).toBeLessThan(onBusAtKill);
    expect(repeats).toBeLessThanOrEqual(1000);
    // The receiver that is idempotent by event id: exactly once.
    expect(seen.size).toBe(MUTATIONS);
  });
});
