// Web forms: an admin makes a form (its fields, the pipeline and stage its leads go to, who
// takes them) and embeds it on a site; a visitor's post to the public endpoint becomes an
// incoming request, unless it looks like a bot's (honeypot filled, filled in under 2 s).
import * as z from 'zod';
import { EntityBase, Id, ListQuery, Name } from './common.ts';
import { text } from './text.ts';

/** The fields a form can ask: the request's own (name, phone, e-mail, message) or any other, kept by name. */
export const FORM_FIELD_KINDS = ['name', 'phone', 'email', 'message', 'text'] as const;
export const FormField = z.strictObject({
  /** The input's name in the posted body. */
  key: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _')
    .refine((k) => !k.startsWith('utm_'), 'utm_ marks are kept by their own names'),
  label: text({ min: 1, max: 100 }),
  kind: z.enum(FORM_FIELD_KINDS),
  required: z.boolean().default(false),
});
export type FormField = z.infer<typeof FormField>;

export const FormResponsible = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), userId: Id }),
  /** Each new request goes to the next of these users in turn. */
  z.strictObject({ type: z.literal('round_robin'), userIds: z.array(Id).min(1).max(50) }),
]);
export type FormResponsible = z.infer<typeof FormResponsible>;

const Fields = z
  .array(FormField)
  .max(20)
  .refine((f) => new Set(f.map((x) => x.key)).size === f.length, 'two fields have the same key');

export const Form = EntityBase.extend({
  name: z.string(),
  /** The public key of its endpoint `POST /api/v1/inbound/forms/{formKey}`. */
  formKey: z.string(),
  pipelineId: Id.nullable(),
  stageId: Id.nullable(),
  fields: z.array(FormField),
  responsible: FormResponsible.nullable(),
  /** What the visitor reads after sending. */
  thankYou: z.string(),
  enabled: z.boolean(),
  /** Posts a minute the form takes in all; one source address gets at most FORM_POSTS_PER_ADDRESS of them. */
  rateLimit: z.number().int(),
});
export type Form = z.infer<typeof Form>;

/** Posts a minute one source address may make to one form. */
export const FORM_POSTS_PER_ADDRESS = 5;
/** Less than this between the page's load and the post is a bot's speed: dropped. */
export const FORM_MIN_FILL_MS = 2000;
const RateLimit = z.number().int().min(1).max(1000);

export const FormCreate = z.strictObject({
  name: Name,
  rateLimit: RateLimit.optional(),
  pipelineId: Id.optional(),
  stageId: Id.optional(),
  fields: Fields.optional(),
  responsible: FormResponsible.optional(),
  thankYou: text({ max: 500 }).optional(),
});
export const FormPatch = z.strictObject({
  name: Name.optional(),
  pipelineId: Id.nullable().optional(),
  stageId: Id.nullable().optional(),
  fields: Fields.optional(),
  responsible: FormResponsible.nullable().optional(),
  thankYou: text({ max: 500 }).optional(),
  enabled: z.boolean().optional(),
  rateLimit: RateLimit.optional(),
});
export const FormListQuery = ListQuery;

/**
 * A visitor's post: the form's fields by key, the snippet's `_fill_ms` (how long the page was
 * open before sending) and `_hp` (the honeypot, empty for people), UTM marks and the page.
 */
export const FormSubmission = z
  .object({
    _hp: z.string().max(1000).optional(),
    _fill_ms: z.coerce.number().int().min(0).max(1e10).optional(),
    pageUrl: z.string().max(2048).optional(),
    referrer: z.string().max(2048).optional(),
    utm_source: text({ max: 200 }).optional(),
    utm_medium: text({ max: 200 }).optional(),
    utm_campaign: text({ max: 200 }).optional(),
    utm_term: text({ max: 200 }).optional(),
    utm_content: text({ max: 200 }).optional(),
  })
  .catchall(z.union([text({ max: 10_000, multiline: true }), z.number(), z.boolean()]))
  .refine((b) => Object.keys(b).length <= 60, 'too many fields');
export const FormAccepted = z.object({ received: z.literal(true), thankYou: z.string() });

/** The hosted page's form, public by its key. */
export const PublicForm = z.object({ name: z.string(), fields: z.array(FormField), thankYou: z.string() });
