// Sales pipelines and their coloured stages; every pipeline ends in won and lost.
import * as z from 'zod';
import { EntityBase, Id, ListQuery, Name } from './common.ts';

export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #33aaff');
export const StageType = z.enum(['open', 'won', 'lost']);

export const Stage = z.object({
  id: Id,
  name: z.string(),
  color: z.string(),
  sort: z.number().int(),
  type: StageType,
  /** Set while the stage is being removed: its leads are moving to this stage of the same pipeline. */
  movingTo: Id.optional(),
});
export type Stage = z.infer<typeof Stage>;

export const Pipeline = EntityBase.extend({ name: z.string(), sort: z.number().int(), stages: z.array(Stage) });
export type Pipeline = z.infer<typeof Pipeline>;

export const StageInput = z.strictObject({ name: Name, color: Color.default('#99ccff') });
export const PipelineCreate = z.strictObject({
  name: Name,
  sort: z.number().int().min(0).max(10_000).optional(),
  stages: z.array(StageInput).min(1).max(50),
});
export const PipelinePatch = z.strictObject({ name: Name.optional(), sort: z.number().int().min(0).max(10_000).optional() });
export const StageCreate = StageInput.extend({ sort: z.number().int().min(0).max(10_000).optional() });
export const StagePatch = z.strictObject({
  name: Name.optional(),
  color: Color.optional(),
  sort: z.number().int().min(0).max(10_000).optional(),
});
/** Removing a stage that may hold leads: they move to another stage of the pipeline, in the background. */
export const StageRemove = z.strictObject({ moveToStageId: Id });
export const PipelineListQuery = ListQuery;
export const StageParams = z.object({ id: Id, stageId: Id });

/** The board's column headers, from counters kept with every lead change. */
export const PipelineTotals = z.object({
  pipelineId: Id,
  stages: z.array(z.object({ stageId: Id, count: z.number().int(), amount: z.number() })),
});
