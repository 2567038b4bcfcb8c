// startStack end to end: everything starts, answers, keeps its data across a restart, and a stop
// leaves no java or cognito-local process behind.
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { dynamoClient } from '../src/dynamodb.ts';
import { REPO_ROOT } from '../src/local-state.ts';
import { startStack } from '../src/stack.ts';
import { descendants, isAlive } from './processes.ts';

mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
const dataDir = mkdtempSync(join(REPO_ROOT, '.tmp', 'stack-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const serviceCommands = () => descendants(process.pid).filter((p) => /java|cognito-local|guard\.mjs/.test(p.command));

it('starts, answers, keeps data and the pool across a restart, and stops every child', async () => {
  const before = serviceCommands();
  const first = await startStack({ dataDir });
  let stopped = false;
  try {
    const kids = serviceCommands().filter((p) => !before.some((b) => b.pid === p.pid));
    expect(kids.some((p) => p.command.includes('DynamoDBLocal.jar'))).toBe(true);
    expect(kids.some((p) => p.command.includes('cognito-local'))).toBe(true);

    const config = await (await fetch(`${first.apiUrl}/config.json`)).json();
    expect(config).toEqual(first.config);
    expect(config.userPoolId).toBe(first.env.USER_POOL_ID);
    expect((await fetch(`${first.apiUrl}/api/v1/health`)).status).toBe(200);

    const db = dynamoClient(first.env.DYNAMODB_ENDPOINT);
    await db.send(new PutItemCommand({ TableName: first.env.TABLE_NAME, Item: { pk: { S: 'test#kept' }, sk: { S: 'x' } } }));
    db.destroy();
    await first.stop();
    stopped = true;
    for (const p of kids) expect(isAlive(p.pid), p.command).toBe(false);
    expect(serviceCommands()).toEqual(before);
  } finally {
    if (!stopped) await first.stop();
  }

  const second = await startStack({ dataDir });
  try {
    expect(second.config.userPoolId).toBe(first.config.userPoolId);
    expect(second.config.userPoolClientId).toBe(first.config.userPoolClientId);
    const db = dynamoClient(second.env.DYNAMODB_ENDPOINT);
    const kept = await db.send(new GetItemCommand({ TableName: second.env.TABLE_NAME, Key: { pk: { S: 'test#kept' }, sk: { S: 'x' } } }));
    db.destroy();
    expect(kept.Item).toBeDefined();
  } finally {
    await second.stop();
  }
  expect(serviceCommands()).toEqual(before);
}, 120_000);
