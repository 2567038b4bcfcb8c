// Web forms: an admin's form (its fields, the pipeline and stage its leads go to, who takes
// them) has a public key; a visitor's post to it becomes an incoming request. Posts are
// counted per form and per source address each minute (a conditional ADD on a TTL item), and
// a bot's post (the honeypot filled, or sent under FORM_MIN_FILL_MS after the page loaded) is
// dropped without a word, so that bots learn nothing from the answer.
import { randomBytes } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import type { z } from 'zod';
import type { Form, FormCreate, FormField, FormPatch, FormResponsible, FormSubmission } from '@crm/contract';
import { FORM_MIN_FILL_MS, FORM_POSTS_PER_ADDRESS } from '@crm/contract/forms';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import type { FormEntity } from '../entities/incoming.ts';
import { invalid, notFound, throttled } from '../errors.ts';
import { newId, now } from '../ids.ts';
import { stampsOf } from '../model/stamps.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { requireAdmin } from '../rights.ts';
import { definedOnly } from '../text.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';
import { conditionFailed } from '../write/idempotency.ts';
import { put, remove } from '../write/write.ts';
import { receiveIncoming } from './incoming.ts';
import { getPipelineItem } from './pipelines.ts';
import { requireActiveUser } from './users.ts';

export type FormItem = EntityItem<typeof FormEntity>;

/** What a form asks when the admin names no fields. */
export const DEFAULT_FORM_FIELDS: FormField[] = [
  { key: 'name', label: 'Name', kind: 'name', required: true },
  { key: 'phone', label: 'Phone', kind: 'phone', required: true },
  { key: 'email', label: 'E-mail', kind: 'email', required: false },
  { key: 'message', label: 'Message', kind: 'message', required: false },
];
const DEFAULT_THANK_YOU = 'Thank you! We will contact you soon.';
const DEFAULT_RATE_LIMIT = 30;

export const toForm = (f: FormItem): Form => ({
  id: f.formId,
  name: f.name,
  formKey: f.formKey,
  pipelineId: f.pipelineId ?? null,
  stageId: f.stageId ?? null,
  fields: f.fields as FormField[],
  responsible: (f.responsible as FormResponsible | undefined) ?? null,
  thankYou: f.thankYou,
  enabled: f.enabled,
  rateLimit: f.rateLimit ?? DEFAULT_RATE_LIMIT,
  ...stampsOf(f),
});

const forms = aggregate({
  type: 'form',
  label: 'Form',
  dataKey: 'form',
  read: async (caller, formId, consistent) => (await db.form.get({ accountId: caller.accountId, formId }).go({ consistent })).data,
  store: entityStore<FormItem>(db.form, (f) => ({ accountId: f.accountId, formId: f.formId })),
  toContract: toForm,
  tracked: ['name', 'pipelineId', 'stageId', 'fields', 'responsible', 'thankYou', 'enabled', 'rateLimit'],
  check: (caller, after) => checkForm(caller, after),
});

/** The pipeline and stage must be the account's, the stage in that pipeline; the responsible users active. */
async function checkForm(caller: Caller, form: FormItem) {
  if (form.stageId && !form.pipelineId)
    throw invalid('A stage needs its pipeline', [{ path: 'pipelineId', message: 'required with stageId' }]);
  if (form.pipelineId) {
    const pipeline = await getPipelineItem(caller, form.pipelineId).catch(() => null);
    if (!pipeline) throw invalid('No pipeline with this id', [{ path: 'pipelineId', message: 'unknown pipeline' }]);
    if (form.stageId && !(pipeline.stages as Array<{ id: string }>).some((s) => s.id === form.stageId)) {
      throw invalid('The stage is not in this pipeline', [{ path: 'stageId', message: 'unknown stage' }]);
    }
  }
  const responsible = form.responsible as FormResponsible | undefined;
  const users = !responsible ? [] : responsible.type === 'fixed' ? [responsible.userId] : responsible.userIds;
  for (const [i, userId] of users.entries()) {
    await requireActiveUser(caller, userId, responsible?.type === 'fixed' ? 'responsible.userId' : `responsible.userIds.${i}`);
  }
}

const keyWrite = (f: FormItem) => put(db.formKey.create({ formKey: f.formKey, accountId: f.accountId, formId: f.formId }).params());

export const getForm = (caller: Caller, id: string) => {
  requireAdmin(caller);
  return forms.get(caller, id);
};

export async function listForms(caller: Caller, query: { limit: number; cursor?: string }) {
  requireAdmin(caller);
  const cursor = acceptCursor(query.cursor, caller.accountId);
  return pageOf((o) => db.form.query.byId({ accountId: caller.accountId }).go(o), { limit: query.limit, cursor }, toForm);
}

export function createForm(caller: Caller, input: z.output<typeof FormCreate>, options?: WriteOptions) {
  requireAdmin(caller);
  return forms.create(caller, options, () => {
    const at = now();
    const item: FormItem = {
      accountId: caller.accountId,
      formId: newId(),
      formKey: randomBytes(18).toString('base64url'),
      name: input.name,
      pipelineId: input.pipelineId,
      stageId: input.stageId,
      fields: input.fields ?? DEFAULT_FORM_FIELDS,
      responsible: input.responsible,
      thankYou: input.thankYou || DEFAULT_THANK_YOU,
      enabled: true,
      rateLimit: input.rateLimit ?? DEFAULT_RATE_LIMIT,
      turn: 0,
      createdAt: at,
      updatedAt: at,
      createdBy: caller.userId,
      version: 1,
    };
    return { item, writes: [keyWrite(item)] };
  });
}

export function patchForm(caller: Caller, id: string, patch: z.output<typeof FormPatch>, options?: WriteOptions) {
  requireAdmin(caller);
  return forms.change(caller, id, options, (current) => ({
    next: {
      ...current,
      ...definedOnly(patch),
      pipelineId: patch.pipelineId === null ? undefined : (patch.pipelineId ?? current.pipelineId),
      // Another pipeline without a stage named: its first stage.
      stageId:
        patch.stageId === null || (patch.pipelineId !== undefined && patch.pipelineId !== current.pipelineId && !patch.stageId)
          ? undefined
          : (patch.stageId ?? current.stageId),
      responsible: patch.responsible === null ? undefined : (patch.responsible ?? current.responsible),
      thankYou: patch.thankYou === '' ? DEFAULT_THANK_YOU : (patch.thankYou ?? current.thankYou),
    } as FormItem,
  }));
}

/** Deletes the form and its key: the key answers 404 from then on. */
export async function deleteForm(caller: Caller, id: string, options?: WriteOptions) {
  requireAdmin(caller);
  await forms.destroy(caller, id, options, (current) => ({ writes: [remove(db.formKey.delete({ formKey: current.formKey }).params())] }));
}

// ---- The public side ----

/** The form behind a public key, or a 404 (unknown, deleted or switched off: the same answer). */
async function formByKey(formKey: string): Promise<FormItem> {
  const { data: key } = await db.formKey.get({ formKey }).go();
  const form = key && (await db.form.get({ accountId: key.accountId, formId: key.formId }).go()).data;
  if (!form || !form.enabled) throw notFound('Form');
  return form;
}

export async function getPublicForm(formKey: string) {
  const form = await formByKey(formKey);
  return { name: form.name, fields: form.fields as FormField[], thankYou: form.thankYou };
}

/** One counter per (form, who, minute), raised only while under `limit`; over it, a 429 until the minute ends. */
async function countPost(form: FormItem, who: string, limit: number) {
  const nowMs = Date.now();
  const minute = new Date(nowMs).toISOString().slice(0, 16);
  try {
    await db.formRate
      .update({ accountId: form.accountId, formId: form.formId, who, minute })
      .add({ count: 1 })
      .set({ expiresAt: Math.floor(nowMs / 1000) + 120 })
      .where((a, op) => `${op.notExists(a.count)} OR ${op.lt(a.count, limit)}`)
      .go({ response: 'none' });
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    const retryAfter = Math.max(1, Math.ceil((60_000 - (nowMs % 60_000)) / 1000));
    throw throttled(who === 'form' ? 'This form takes no more posts this minute' : 'Too many posts from this address', retryAfter);
  }
}

/** The next user of a round robin: the form's turn counter, raised atomically (not a versioned change of the form). */
async function responsibleOf(form: FormItem): Promise<string | undefined> {
  const responsible = form.responsible as FormResponsible | undefined;
  if (!responsible) return undefined;
  if (responsible.type === 'fixed') return responsible.userId;
  const { data } = await db.form
    .update({ accountId: form.accountId, formId: form.formId })
    .add({ turn: 1 })
    .go({ response: 'updated_new' });
  const turn = (data as { turn?: number }).turn ?? 1;
  return responsible.userIds[(turn - 1) % responsible.userIds.length];
}

export type SubmitOutcome = { received: true; thankYou: string; dropped?: 'honeypot' | 'too_fast' };

/**
 * A visitor's post: counted against the form's limit and its address's, then dropped if a bot
 * made it, else checked against the form's fields and handed to receiveIncoming with the
 * page, referrer and UTM marks.
 */
export async function submitForm(formKey: string, body: z.output<typeof FormSubmission>, sourceAddress: string): Promise<SubmitOutcome> {
  const form = await formByKey(formKey);
  await countPost(form, `ip#${sourceAddress}`, Math.min(FORM_POSTS_PER_ADDRESS, form.rateLimit ?? DEFAULT_RATE_LIMIT));
  await countPost(form, 'form', form.rateLimit ?? DEFAULT_RATE_LIMIT);
  const answer = { received: true as const, thankYou: form.thankYou };
  if (body._hp) return { ...answer, dropped: 'honeypot' };
  if (body._fill_ms === undefined || body._fill_ms < FORM_MIN_FILL_MS) return { ...answer, dropped: 'too_fast' };

  const values = body as Record<string, unknown>;
  const request: { name?: string; phone?: string; email?: string; message?: string; fields: Record<string, string> } = { fields: {} };
  const missing: { path: string; message: string }[] = [];
  for (const field of form.fields as FormField[]) {
    const raw = values[field.key];
    const value = raw === undefined || raw === null ? '' : String(raw).trim();
    if (!value) {
      if (field.required) missing.push({ path: field.key, message: 'required' });
      continue;
    }
    if (field.kind === 'text') request.fields[field.label] = value;
    else request[field.kind] = value;
  }
  if (missing.length) throw invalid('Fill in the required fields', missing);
  const utm = Object.fromEntries(Object.entries(values).filter(([k, v]) => k.startsWith('utm_') && typeof v === 'string' && v));
  // A value the request refuses (an e-mail that is not one) is a 400 naming the field.
  await receiveIncoming(
    form.accountId,
    {
      source: 'form',
      ...request,
      responsibleUserId: await responsibleOf(form),
      pipelineId: form.pipelineId,
      stageId: form.stageId,
      meta: {
        formId: form.formId,
        formName: form.name,
        ...(body.pageUrl && { pageUrl: body.pageUrl }),
        ...(body.referrer && { referrer: body.referrer }),
        ...(Object.keys(utm).length && { utm }),
      },
    },
    { actor: { type: 'integration', id: `form:${form.formId}` } },
  );
  return answer;
}
