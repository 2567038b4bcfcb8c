// A warm Lambda keeps the account's pipelines and custom fields (core write/definitions.ts), so a
// create reads neither; a change made on another Lambda is still honoured by the very next request,
// because the write's transaction checks the definitions version its copy was read at.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynamo, type Caller } from '@crm/core';
import { created, useApi, type CrmUser } from './support/api.ts';

const api = useApi();

/** The names of the DynamoDB commands this process's API sends while `run` runs. */
let sent: string[] | null = null;
beforeAll(() => {
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      sent?.push(context.commandName!.replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'warmDefinitionsTestRecord' },
  );
});
afterAll(() => dynamo.middlewareStack.remove('warmDefinitionsTestRecord'));

async function commandsOf<T>(run: () => Promise<T>): Promise<{ result: T; commands: string[] }> {
  sent = [];
  try {
    const result = await run();
    return { result, commands: sent };
  } finally {
    sent = null;
  }
}

/** Another Lambda: core loaded afresh, with copies of its own, beside this file's API (whose copies stay warm). */
async function otherLambda(account: CrmUser) {
  vi.resetModules();
  const core = await import('@crm/core');
  const admin: Caller = { accountId: account.accountId, userId: account.userId, role: 'admin', groupId: null };
  return { core, admin };
}

const leadCount = async (account: CrmUser) => (await account.request('GET', '/api/v1/leads?limit=100')).body.items.length;

describe('Definitions kept by a warm Lambda', () => {
  let account: CrmUser;
  let pipeline: { id: string; stages: { id: string; type: string }[] };
  beforeAll(async () => {
    account = await api.account();
    pipeline = (await account.request('GET', '/api/v1/pipelines')).body.items[0];
  });

  it('creates a lead on a warm copy with no read of pipelines or fields: the caller, the request count and one transaction', async () => {
    await created(account, '/api/v1/leads', { name: 'Warms the copy' });
    const { commands } = await commandsOf(() => created(account, '/api/v1/leads', { name: 'Warm create' }));
    expect(commands.sort()).toEqual(['BatchGetItem', 'TransactWriteItems', 'UpdateItem']);
  });

  it('refuses a stage deleted on another Lambda at the very next request, and the lead is not written', async () => {
    const stage = await created(account, `/api/v1/pipelines/${pipeline.id}/stages`, { name: 'Short-lived' });
    const stageId = stage.stages.find((s: { name: string }) => s.name === 'Short-lived').id;
    await created(account, '/api/v1/leads', { name: 'Warms the copy', pipelineId: pipeline.id, stageId: pipeline.stages[0].id });
    const before = await leadCount(account);

    const other = await otherLambda(account);
    await other.core.deleteStage(other.admin, pipeline.id, stageId);

    const { result, commands } = await commandsOf(() =>
      account.request('POST', '/api/v1/leads', { name: 'Into the gone stage', pipelineId: pipeline.id, stageId }),
    );
    expect(result.status, JSON.stringify(result.body)).toBe(409);
    // The warm copy let the write try; its transaction refused the stale version; the fresh read refused the stage.
    expect(commands.indexOf('TransactWriteItems')).toBeLessThan(commands.lastIndexOf('Query'));
    expect(await leadCount(account)).toBe(before);
  });

  it('takes a stage added on another Lambda at once', async () => {
    const other = await otherLambda(account);
    const changed = await other.core.addStage(other.admin, pipeline.id, { name: 'Just added', color: '#00aa00' });
    const stageId = changed.stages.find((s) => s.name === 'Just added')!.id;
    const lead = await created(account, '/api/v1/leads', { name: 'Into the new stage', pipelineId: pipeline.id, stageId });
    expect(lead.stageId).toBe(stageId);
  });

  it('honours a custom field removed, made required or given an option on another Lambda at the very next request', async () => {
    const field = await created(account, '/api/v1/custom-fields', {
      entityType: 'leads',
      name: 'Tier',
      type: 'select',
      options: ['A', 'B'],
    });
    const other = await created(account, '/api/v1/custom-fields', { entityType: 'leads', name: 'Region', type: 'text' });
    await created(account, '/api/v1/leads', { name: 'Warms the copy', customFields: { [field.id]: 'A' } });
    const elsewhere = await otherLambda(account);

    await elsewhere.core.patchCustomField(elsewhere.admin, field.id, { options: ['A', 'B', 'C'] });
    const withNewOption = await created(account, '/api/v1/leads', { name: 'New option', customFields: { [field.id]: 'C' } });
    expect(withNewOption.customFields).toEqual({ [field.id]: 'C' });

    await elsewhere.core.patchCustomField(elsewhere.admin, other.id, { required: true });
    const before = await leadCount(account);
    const missing = await account.request('POST', '/api/v1/leads', { name: 'Without the region', customFields: { [field.id]: 'A' } });
    expect(missing.status, JSON.stringify(missing.body)).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: `customFields.${other.id}` })]);

    await elsewhere.core.deleteCustomField(elsewhere.admin, field.id);
    const removed = await account.request('POST', '/api/v1/leads', {
      name: 'Removed field',
      customFields: { [field.id]: 'A', [other.id]: 'North' },
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(400);
    expect(removed.body.errors).toEqual([expect.objectContaining({ path: `customFields.${field.id}` })]);
    expect(await leadCount(account)).toBe(before);
  });
});
