// Finishes a stage's removal in the background (services/pipelines.ts `removeStage`): moves its
// leads to the stage it is `movingTo`, a batch at a time, each lead through its own normal write
// (so its `lead.updated` / `lead.stage_changed` events, stage counters and derived items follow,
// and no transaction grows with the stage), then deletes the stage once its counter says empty.
// Runs from the bus on `pipeline.updated` (at least once, maybe twice at the same time): a move
// carries the lead's version as read, so a lead moves once, and one moved elsewhere meanwhile stays.
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { DomainError } from '../errors.ts';
import { deleteStage, getPipeline } from '../services/pipelines.ts';
import { patchLead } from '../services/leads.ts';

/** Leads read (one Query) and moved per step. */
const BATCH = 25;
/** A step that found only index entries not yet caught up waits this long before reading again. */
const INDEX_LAG_MS = 200;
/** Steps in a row that may move nothing before the work is handed back to the bus's retries. */
const IDLE_STEPS = 25;

const systemCaller = (accountId: string): Caller & { actor: { type: 'system'; id: string } } => ({
  accountId,
  userId: 'system',
  role: 'admin',
  groupId: null,
  actor: { type: 'system', id: 'stage-removal' },
});

/** Finishes every removal the pipeline has pending; answers how many leads it moved. */
export async function finishStageRemovals(accountId: string, pipelineId: string) {
  const caller = systemCaller(accountId);
  const pipeline = await getPipeline(caller, pipelineId).catch(() => null);
  let moved = 0;
  for (const stage of pipeline?.stages.filter((s) => s.movingTo) ?? []) moved += await finishStageRemoval(caller, pipelineId, stage.id);
  return moved;
}

async function finishStageRemoval(caller: Caller, pipelineId: string, stageId: string) {
  let moved = 0;
  for (let idle = 0; idle < IDLE_STEPS;) {
    const pipeline = await getPipeline(caller, pipelineId).catch(() => null);
    const target = pipeline?.stages.find((s) => s.id === stageId)?.movingTo;
    if (!target) return moved;
    const step = await moveBatch(caller, pipelineId, stageId, target);
    moved += step;
    if (step === 0 && (await deleteWhenEmpty(caller, pipelineId, stageId))) return moved;
    idle = step ? 0 : idle + 1;
    if (!step) await new Promise((r) => setTimeout(r, INDEX_LAG_MS));
  }
  throw new Error(`Stage ${stageId} of pipeline ${pipelineId} made no progress in ${IDLE_STEPS} steps; left to the retry`);
}

/** One page of the stage's leads, each moved in its own transaction; answers how many moved. */
async function moveBatch(caller: Caller, pipelineId: string, stageId: string, target: string) {
  const { data } = await db.lead.query.byStage({ accountId: caller.accountId, stageId }).go({ limit: BATCH });
  let moved = 0;
  for (const lead of data.filter((l) => l.stageId === stageId && l.pipelineId === pipelineId)) {
    try {
      await patchLead(caller, lead.leadId, { stageId: target }, { ifMatch: lead.version });
      moved++;
    } catch (e) {
      // Changed or deleted since the index was read: the next read sees where it is now.
      if (!(e instanceof DomainError && (e.kind === 'stale' || e.kind === 'not_found'))) throw e;
    }
  }
  return moved;
}

/** Deletes the stage if its counter is at zero; false while leads are still counted in it. */
async function deleteWhenEmpty(caller: Caller, pipelineId: string, stageId: string) {
  try {
    await deleteStage(caller, pipelineId, stageId);
    return true;
  } catch (e) {
    if (e instanceof DomainError && e.kind === 'conflict') return false;
    if (e instanceof DomainError && e.kind === 'not_found') return true;
    throw e;
  }
}
