// The local Pipe: polls the DynamoDB Local stream of the CRM table, keeps what the Pipe's filter
// keeps (inserts of event-log items), runs the enrichment function and puts the envelopes on the
// local bus with the real EventBridge client. A checkpoint file remembers the last sequence
// number per shard, so a restart neither repeats nor loses events. The stream ARN is asked of the
// table once and kept: DescribeTable on DynamoDB Local counts the items (seconds at 200k of them).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { CrmEvent } from '@crm/contract';
import { EVENT_LOG_INSERTS, handler as enrich, type PipeStreamRecord } from '@crm/functions/consumers/pipe-enrich';
import { EVENT_SOURCE } from '@crm/functions/consumers/rules';
import { logToConsole } from './aws-http.ts';
import { compilePattern } from './pattern.ts';

export interface StreamPipeOptions {
  dynamodbEndpoint: string;
  tableName: string;
  eventBridgeEndpoint: string;
  eventBusName: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Where the checkpoint file lives; without it every start begins at `startingPosition`. */
  dataDir?: string;
  /**
   * Where a poller with no checkpoint begins, as an event source mapping's StartingPosition:
   * TRIM_HORIZON (the default) reads all the stream holds; LATEST skips what each shard held when
   * the poller started and delivers all written after. The start is kept (the checkpoint file
   * written, "stream: at LATEST" logged) once its first pass is done; a poller that dies before
   * then starts afresh at LATEST.
   */
  startingPosition?: 'TRIM_HORIZON' | 'LATEST';
  pollMs?: number;
  log?: (line: string) => void;
}

interface Checkpoint {
  streamArn: string;
  shards: Record<string, { sequenceNumber?: string; closed?: boolean }>;
}

export const CHECKPOINT_FILE = 'stream-checkpoint.json';
const PUT_EVENTS_BATCH = 10;
/** Tries per entry the bus refuses (FailedEntryCount), before the whole batch is read again next poll. */
const PUT_EVENTS_ATTEMPTS = 3;
const passesPipeFilter = compilePattern(EVENT_LOG_INSERTS);

export class StreamPipe {
  private readonly dynamodb: DynamoDBClient;
  private readonly streams: DynamoDBStreamsClient;
  private readonly eventBridge: EventBridgeClient;
  private readonly iterators = new Map<string, string>();
  /** The table's stream, kept until it is disabled or gone (the table deleted or re-created). */
  private streamArn?: string;
  private checkpoint?: Checkpoint;
  /** True until the first pass of a LATEST start (with no checkpoint) is done and its checkpoint saved. */
  private skipping?: boolean;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private lastError = '';

  constructor(private readonly options: StreamPipeOptions) {
    const client = { region: options.region, credentials: options.credentials ?? { accessKeyId: 'local', secretAccessKey: 'local' } };
    this.dynamodb = new DynamoDBClient({ ...client, endpoint: options.dynamodbEndpoint });
    this.streams = new DynamoDBStreamsClient({ ...client, endpoint: options.dynamodbEndpoint });
    this.eventBridge = new EventBridgeClient({ ...client, endpoint: options.eventBridgeEndpoint });
  }

  private get log() {
    return this.options.log ?? logToConsole;
  }

  /** Polls about every `pollMs` (250 ms) until stopped. */
  start(): void {
    const loop = () => {
      if (this.stopped) return;
      this.running = this.pollOnce().then(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.options.pollMs ?? 250);
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    for (const client of [this.dynamodb, this.streams, this.eventBridge]) client.destroy();
  }

  /** One pass over every readable shard; answers how many events went to the bus. Never throws. */
  async pollOnce(): Promise<number> {
    try {
      const streamArn = (this.streamArn ??= await this.latestStreamArn());
      if (!streamArn) return 0;
      const checkpoint = this.checkpointFor(streamArn);
      const skipped = this.skipping ? await this.startAtLatest(streamArn, checkpoint) : 0;
      const { shards, enabled } = await this.readableShards(streamArn, checkpoint);
      let published = 0;
      for (const shard of shards) published += await this.drainShard(streamArn, shard.ShardId!, checkpoint);
      if (this.skipping) {
        this.saveCheckpoint(checkpoint); // even at empty shards: a restart must not skip again
        this.log(`stream: at LATEST, ${skipped} earlier records skipped, ${published} later events delivered`);
      }
      this.skipping = false;
      // A disabled stream gets no more records: once read, the next poll asks the table for its new one.
      if (!enabled) this.streamArn = undefined;
      this.lastError = '';
      return published;
    } catch (err) {
      this.iterators.clear(); // expired or trimmed iterators are fetched again from the checkpoint
      // An unfinished LATEST start holds positions that are safe only with its LATEST iterators: begin it again.
      if (this.skipping) this.checkpoint = undefined;
      if ((err as Error).name === 'ResourceNotFoundException') this.streamArn = undefined; // the stream itself is gone
      const message = `stream: ${(err as Error).name}: ${(err as Error).message}`;
      if (message !== this.lastError) this.log(message);
      this.lastError = message;
      return 0;
    }
  }

  private async latestStreamArn(): Promise<string | undefined> {
    try {
      const { Table } = await this.dynamodb.send(new DescribeTableCommand({ TableName: this.options.tableName }));
      return Table?.LatestStreamArn;
    } catch (err) {
      if ((err as Error).name === 'ResourceNotFoundException') return undefined; // the stack has not created it yet
      throw err;
    }
  }

  private async describeShards(streamArn: string): Promise<{ shards: Shard[]; enabled: boolean }> {
    const shards: Shard[] = [];
    let enabled = true;
    let ExclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId }));
      shards.push(...(StreamDescription?.Shards ?? []));
      enabled &&= !['DISABLING', 'DISABLED'].includes(StreamDescription?.StreamStatus ?? '');
      ExclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (ExclusiveStartShardId);
    return { shards, enabled };
  }

  /** Open shards and closed ones not read to the end; a child waits until its parent is done. */
  private async readableShards(streamArn: string, checkpoint: Checkpoint): Promise<{ shards: Shard[]; enabled: boolean }> {
    const { shards, enabled } = await this.describeShards(streamArn);
    const known = new Set(shards.map((s) => s.ShardId));
    const done = (id?: string) => !!id && checkpoint.shards[id]?.closed === true;
    const readable = shards.filter((s) => !done(s.ShardId) && (!s.ParentShardId || !known.has(s.ParentShardId) || done(s.ParentShardId)));
    return { shards: readable, enabled };
  }

  /**
   * A LATEST start: a LATEST iterator for each open shard, taken first, delivers what is written
   * from now on, even while the rest is read. Then each open shard is read to its end once, so the
   * checkpoint has a sequence number a restart can resume after; the first pass replaces it with
   * the last record delivered from the LATEST iterator, if any. Closed shards are all history.
   * Answers how many records were skipped.
   */
  private async startAtLatest(streamArn: string, checkpoint: Checkpoint): Promise<number> {
    let skipped = 0;
    for (const shard of (await this.describeShards(streamArn)).shards) {
      const shardId = shard.ShardId!;
      const state = (checkpoint.shards[shardId] ??= {});
      if (shard.SequenceNumberRange?.EndingSequenceNumber) {
        state.closed = true;
        continue;
      }
      const latest = await this.streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'LATEST' }),
      );
      let iterator = (
        await this.streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }))
      ).ShardIterator;
      while (iterator) {
        const { Records = [], NextShardIterator } = await this.streams.send(
          new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }),
        );
        if (!Records.length) break;
        skipped += Records.length;
        state.sequenceNumber = Records.at(-1)!.dynamodb!.SequenceNumber;
        iterator = NextShardIterator;
      }
      if (latest.ShardIterator) this.iterators.set(shardId, latest.ShardIterator);
    }
    return skipped;
  }

  private async drainShard(streamArn: string, shardId: string, checkpoint: Checkpoint): Promise<number> {
    let published = 0;
    let iterator: string | undefined = this.iterators.get(shardId) ?? (await this.shardIterator(streamArn, shardId, checkpoint));
    while (iterator) {
      const { Records = [], NextShardIterator } = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      published += await this.publish(Records.map((r) => toPipeRecord(r, streamArn)));
      const state = (checkpoint.shards[shardId] ??= {});
      if (Records.length) state.sequenceNumber = Records.at(-1)!.dynamodb!.SequenceNumber;
      if (!NextShardIterator) state.closed = true;
      // During a LATEST start other shards' positions are not safe to keep yet: saved once its pass is done.
      if ((Records.length || !NextShardIterator) && !this.skipping) this.saveCheckpoint(checkpoint);
      iterator = NextShardIterator;
      if (!Records.length) break; // caught up with an open shard: next poll
    }
    if (iterator) this.iterators.set(shardId, iterator);
    else this.iterators.delete(shardId);
    return published;
  }

  private async shardIterator(streamArn: string, shardId: string, checkpoint: Checkpoint): Promise<string | undefined> {
    const after = checkpoint.shards[shardId]?.sequenceNumber;
    const get = (type: 'TRIM_HORIZON' | 'AFTER_SEQUENCE_NUMBER') =>
      this.streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ShardIteratorType: type,
          ...(type === 'AFTER_SEQUENCE_NUMBER' ? { SequenceNumber: after } : {}),
        }),
      );
    try {
      return (await get(after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON')).ShardIterator;
    } catch (err) {
      if ((err as Error).name !== 'TrimmedDataAccessException') throw err;
      return (await get('TRIM_HORIZON')).ShardIterator; // the remembered record aged out of the stream
    }
  }

  /** Filter, enrich, PutEvents: what the Pipe does with a batch. */
  private async publish(records: PipeStreamRecord[]): Promise<number> {
    const envelopes = await enrich(records.filter(passesPipeFilter));
    for (let i = 0; i < envelopes.length; i += PUT_EVENTS_BATCH) {
      let batch = envelopes.slice(i, i + PUT_EVENTS_BATCH);
      // A partial failure is a failure of those entries: put them again, and if they still fail throw,
      // so the checkpoint stays before this batch (at least once, as the Pipe retries its target).
      for (let attempt = 1; batch.length; attempt++) {
        const answer = await this.eventBridge.send(new PutEventsCommand({ Entries: batch.map((e) => this.entry(e)) }));
        const refused = batch.filter((_, n) => answer.Entries?.[n]?.ErrorCode || !answer.Entries?.[n]?.EventId);
        if (!refused.length) break;
        const why = answer.Entries?.find((r) => r.ErrorCode);
        const message = `bus refused ${refused.length} of ${batch.length} events (${why?.ErrorCode}: ${why?.ErrorMessage}), first ${refused[0]!.id}`;
        if (attempt >= PUT_EVENTS_ATTEMPTS) throw new Error(message);
        this.log(`stream: ${message}; putting them again`);
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        batch = refused;
      }
    }
    return envelopes.length;
  }

  private entry(envelope: CrmEvent): PutEventsRequestEntry {
    return {
      EventBusName: this.options.eventBusName,
      Source: EVENT_SOURCE,
      DetailType: envelope.type,
      Detail: JSON.stringify(envelope),
      Time: new Date(envelope.occurredAt),
      Resources: [],
    };
  }

  /** The remembered positions, or a fresh start when the table (so its stream) is new. */
  private checkpointFor(streamArn: string): Checkpoint {
    if (!this.checkpoint) {
      this.checkpoint = this.loadCheckpoint();
      this.skipping ??= !this.checkpoint && this.options.startingPosition === 'LATEST';
    }
    if (this.checkpoint?.streamArn !== streamArn) {
      this.checkpoint = { streamArn, shards: {} };
      this.iterators.clear();
    }
    return this.checkpoint;
  }

  private loadCheckpoint(): Checkpoint | undefined {
    const file = this.checkpointFile();
    return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Checkpoint) : undefined;
  }

  private saveCheckpoint(checkpoint: Checkpoint): void {
    const file = this.checkpointFile();
    if (!file) return;
    mkdirSync(this.options.dataDir!, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(checkpoint, null, 2));
    renameSync(`${file}.tmp`, file);
  }

  private checkpointFile(): string | undefined {
    return this.options.dataDir && join(this.options.dataDir, CHECKPOINT_FILE);
  }
}

/** The SDK's stream record in the shape the Pipe hands to its filter and enrichment. */
function toPipeRecord(record: _Record, streamArn: string): PipeStreamRecord {
  const created = record.dynamodb?.ApproximateCreationDateTime;
  const images = Object.fromEntries(
    (['NewImage', 'OldImage', 'Keys'] as const).filter((k) => record.dynamodb?.[k]).map((k) => [k, repairEmptyMaps(record.dynamodb![k])]),
  );
  return {
    ...record,
    eventSourceARN: streamArn,
    dynamodb: { ...record.dynamodb, ...images, ApproximateCreationDateTime: created && Math.floor(created.getTime() / 1000) },
  } as PipeStreamRecord;
}

/**
 * The Streams client reads an empty map attribute (`{"M":{}}` on the wire) as `{}`;
 * Pipes hands the wire form to the enrichment, so put the `M` back.
 */
function repairEmptyMaps(image: unknown): any {
  const fix = (value: any): any => {
    if (!value || typeof value !== 'object') return value;
    if (Object.keys(value).length === 0) return { M: {} };
    if (value.M) return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, fix(v)])) };
    if (value.L) return { L: value.L.map(fix) };
    return value;
  };
  return Object.fromEntries(Object.entries(image as Record<string, unknown>).map(([k, v]) => [k, fix(v)]));
}
