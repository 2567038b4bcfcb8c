// Pipelines and stages: every pipeline ends in a won and a lost stage.
import type { EntityItem } from 'electrodb';
import type { PipelineEntity } from '../entities/pipeline.ts';
import type { z } from 'zod';
import type { Pipeline, PipelineCreate, PipelinePatch, Stage, StageCreate, StagePatch, StageRemove } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';
import { idempotent } from '../write/idempotency.ts';
import { newId, now } from '../ids.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { requireAdmin, scopeOf } from '../rights.ts';
import { definedOnly } from '../text.ts';
import { MAX_TRANSACTION_ITEMS, RaceLost, remove, type Write } from '../write/write.ts';
import { DEFINITIONS_SHARDS, definitionsChanged, keptPipelines } from '../write/definitions.ts';
import { STAGE_COUNTER_SHARDS, stageCounterKeys, stageTotals } from '../derived/counters.ts';
import { stageTotalsOf } from '../derived/analytics-counters.ts';
import { stampsOf } from '../model/stamps.ts';
import { sharedRead } from '../read-memo.ts';

type PipelineItem = EntityItem<typeof PipelineEntity>;

const CLOSING_STAGES = [
  { name: 'Won', color: '#4caf50', type: 'won' },
  { name: 'Lost', color: '#9e9e9e', type: 'lost' },
] as const;

export const toPipeline = (p: PipelineItem): Pipeline => ({
  id: p.pipelineId,
  name: p.name,
  sort: p.sort,
  stages: sortStages(p.stages as Stage[]),
  ...stampsOf(p),
});

/** Open stages in their order, then won, then lost. */
const sortStages = (stages: Stage[]) => {
  const rank = (s: Stage) => (s.type === 'open' ? 0 : s.type === 'won' ? 1 : 2);
  return [...stages].sort((a, b) => rank(a) - rank(b) || a.sort - b.sort);
};

/** A new pipeline's item (also used by signup for the default pipeline). */
export function newPipelineItem(caller: Pick<Caller, 'accountId' | 'userId'>, input: z.output<typeof PipelineCreate>, sort = 0) {
  const at = now();
  const open = input.stages.map((s, i) => ({ id: newId(), name: s.name, color: s.color, sort: (i + 1) * 10, type: 'open' as const }));
  const closing = CLOSING_STAGES.map((s, i) => ({ id: newId(), ...s, sort: 10_000 + i }));
  return {
    accountId: caller.accountId,
    pipelineId: newId(),
    name: input.name,
    sort: input.sort ?? sort,
    stages: [...open, ...closing],
    createdAt: at,
    updatedAt: at,
    createdBy: caller.userId,
    version: 1,
  };
}

const pipelines = aggregate({
  type: 'pipeline',
  label: 'Pipeline',
  dataKey: 'pipeline',
  read: async (caller, pipelineId) => (await db.pipeline.get({ accountId: caller.accountId, pipelineId }).go()).data,
  store: entityStore<PipelineItem>(db.pipeline, (p) => ({ accountId: p.accountId, pipelineId: p.pipelineId })),
  toContract: toPipeline,
  tracked: ['name', 'sort', 'stages'],
  // Lead writes judge by kept copies of the pipelines: a change tells them (write/definitions.ts).
  alongside: (caller) => definitionsChanged(caller.accountId),
});

export const getPipelineItem = (caller: Caller, pipelineId: string) =>
  sharedRead(`pipeline ${caller.accountId} ${pipelineId}`, () => pipelines.read(caller, pipelineId));

export const getPipeline = (caller: Caller, id: string) => pipelines.get(caller, id);

export async function listPipelines(caller: Caller, query: { limit: number; cursor?: string }) {
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const page = await pageOf(
    (o) => db.pipeline.query.byId({ accountId: caller.accountId }).go(o),
    { limit: query.limit, cursor },
    toPipeline,
  );
  return { ...page, items: page.items.sort((a, b) => a.sort - b.sort) };
}

const ordered = (items: PipelineItem[]) => items.map(toPipeline).sort((a, b) => a.sort - b.sort);

/** All pipelines of the account (few), ordered; the first is the default. */
export async function allPipelines(caller: Pick<Caller, 'accountId'>) {
  const { data } = await db.pipeline.query.byId({ accountId: caller.accountId }).go({ pages: 'all' });
  return ordered(data);
}

/** The same, as this request's writes judge by them: from the warm Lambda's copy, checked by version at commit. */
export const keptPipelinesOf = async (caller: Caller) => ordered(await keptPipelines(caller));

export function createPipeline(caller: Caller, input: z.output<typeof PipelineCreate>, options?: WriteOptions) {
  requireAdmin(caller);
  return pipelines.create(caller, options, () => ({ item: newPipelineItem(caller, input) }));
}

/** Every change of a pipeline or its stages is a versioned change of the one pipeline item. */
function changePipeline(
  caller: Caller,
  pipelineId: string,
  options: WriteOptions | undefined,
  change: (item: PipelineItem) => { next: PipelineItem; writes?: Write[] },
) {
  requireAdmin(caller);
  return pipelines.change(caller, pipelineId, options, change, { replayable: true });
}

export const patchPipeline = (caller: Caller, id: string, patch: z.output<typeof PipelinePatch>, options?: WriteOptions) =>
  changePipeline(caller, id, options, (p) => ({ next: { ...p, ...definedOnly(patch) } }));

export const addStage = (caller: Caller, id: string, input: z.output<typeof StageCreate>, options?: WriteOptions) =>
  idempotent(caller, options, () =>
    changePipeline(caller, id, options, (p) => {
      const open = p.stages.filter((s: Stage) => s.type === 'open');
      if (open.length >= 50) throw invalid('A pipeline has at most 50 stages');
      const sort = input.sort ?? Math.max(0, ...open.map((s: Stage) => s.sort)) + 10;
      return { next: { ...p, stages: [...p.stages, { id: newId(), name: input.name, color: input.color, sort, type: 'open' }] } };
    }),
  );

export const patchStage = (caller: Caller, id: string, stageId: string, patch: z.output<typeof StagePatch>, options?: WriteOptions) =>
  changePipeline(caller, id, options, (p) => {
    const stage = p.stages.find((s: Stage) => s.id === stageId);
    if (!stage) throw notFound('Stage');
    if (stage.movingTo) throw conflict('The stage is being removed');
    if (stage.type !== 'open' && patch.sort !== undefined) throw conflict('Won and lost stages stay at the end');
    Object.assign(stage, definedOnly(patch));
    return { next: p };
  });

/** A stage with leads cannot go: a condition on its counter guards against a lead arriving meanwhile. */
export const deleteStage = (caller: Caller, id: string, stageId: string, options?: WriteOptions) =>
  changePipeline(caller, id, options, (p) => {
    const stage = p.stages.find((s: Stage) => s.id === stageId);
    if (!stage) throw notFound('Stage');
    if (stage.type !== 'open') throw conflict('Won and lost stages cannot be deleted');
    if (p.stages.filter((s: Stage) => s.type === 'open').length === 1) throw conflict('A pipeline keeps at least one open stage');
    return { next: { ...p, stages: p.stages.filter((s: Stage) => s.id !== stageId) }, writes: stageEmptyCheck(caller, id, stageId) };
  });

/**
 * Removes a stage that may hold leads: marks it `movingTo` the target (one small change of the
 * pipeline, answered 202); the `pipeline.updated` it emits starts cascades/stage-removal.ts,
 * which moves the leads in batches, each through the lead's own write, then deletes the stage.
 * No lead may arrive in a stage being removed (services/leads.ts).
 */
export const removeStage = (caller: Caller, id: string, stageId: string, input: z.output<typeof StageRemove>, options?: WriteOptions) =>
  idempotent(caller, options, () =>
    changePipeline(caller, id, options, (p) => {
      const stages = p.stages as Stage[];
      const stage = stages.find((s) => s.id === stageId);
      if (!stage) throw notFound('Stage');
      if (stage.type !== 'open') throw conflict('Won and lost stages cannot be deleted');
      if (stage.movingTo) throw conflict('The stage is already being removed');
      const target = stages.find((s) => s.id === input.moveToStageId);
      if (!target || target.id === stageId || target.movingTo) {
        throw conflict('The leads can only move to another stage of the same pipeline', { moveToStageId: input.moveToStageId });
      }
      if (stages.filter((s) => s.type === 'open' && !s.movingTo).length === 1) throw conflict('A pipeline keeps at least one open stage');
      return { next: { ...p, stages: stages.map((s) => (s.id === stageId ? { ...s, movingTo: target.id } : s)) } };
    }),
  );

/**
 * The most stages a pipeline may have to be deleted in one transaction: each stage's counter
 * shards, and room for the pipeline, its event and the definitions version (write/definitions.ts).
 */
export const PIPELINE_DELETE_STAGES = Math.floor((MAX_TRANSACTION_ITEMS - DEFINITIONS_SHARDS - 4) / STAGE_COUNTER_SHARDS);

/** Deleting a pipeline needs every stage empty. */
export async function deletePipeline(caller: Caller, id: string, options?: WriteOptions) {
  requireAdmin(caller);
  await pipelines.destroy(caller, id, options, async (current) => {
    const others = (await allPipelines(caller)).filter((p) => p.id !== id);
    if (others.length === 0) throw conflict('The account keeps at least one pipeline');
    // Every shard of every stage is checked in the one transaction: a pipeline of more stages
    // than that fits is emptied of its stages first (services/pipelines.ts `deleteStage`).
    if (current.stages.length > PIPELINE_DELETE_STAGES) {
      throw conflict(
        `A pipeline of more than ${PIPELINE_DELETE_STAGES} stages is deleted once its empty stages are deleted: delete some of them first`,
      );
    }
    return {
      writes: [
        ...current.stages.flatMap((s) => stageEmptyCheck(caller, id, s.id)),
        // Two pipelines deleted at once must not leave the account with none.
        pipelineUnchanged(caller.accountId, others[0]),
      ],
    };
  });
}

/** A condition that the pipeline is as read: a lead's move cannot race a stage's delete. */
export const pipelineUnchanged = (accountId: string, pipeline: Pipeline): Write => ({
  item: {
    ConditionCheck: {
      ...(db.pipeline.get({ accountId, pipelineId: pipeline.id }).params() as { TableName: string; Key: Record<string, unknown> }),
      ConditionExpression: '#version = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': pipeline.version },
    },
  },
  onFail: () => new RaceLost() as never,
});

/** Deletes every shard of the stage's counter, each only when it counts no leads (or never existed). */
const stageEmptyCheck = (caller: Caller, pipelineId: string, stageId: string): Write[] =>
  stageCounterKeys(pipelineId, stageId).map((key) =>
    remove(
      db.counter
        .delete({ accountId: caller.accountId, key })
        .where((a, op) => `${op.notExists(a.count)} OR ${op.eq(a.count, 0)}`)
        .params(),
      () => conflict('The stage still has leads; move them first'),
    ),
  );

/**
 * The board's column headers: count and sum of the leads in each stage. Whoever may view every
 * lead reads the account's stage counters; anyone else the report counters of the users they
 * may view (open leads per stage and user: O(stages x users x shards) items, never a lead).
 */
export async function pipelineTotals(caller: Caller, pipelineId: string) {
  const scope = scopeOf(caller, 'leads', 'view');
  if (scope === 'none') throw forbidden();
  const pipeline = await getPipeline(caller, pipelineId);
  const totals =
    scope === 'all'
      ? await stageTotals(caller.accountId, pipelineId)
      : await stageTotalsOf(
          caller.accountId,
          pipelineId,
          scope === 'group' ? [caller.userId, ...(caller.groupMembers ?? [])] : [caller.userId],
        );
  return {
    pipelineId,
    stages: pipeline.stages.map((s) => ({ stageId: s.id, count: totals.get(s.id)?.count ?? 0, amount: totals.get(s.id)?.amount ?? 0 })),
  };
}
