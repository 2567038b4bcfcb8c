// Widgets (integrations a programmer adds as a folder in functions/widgets): what the API shows
// of each, an admin's settings for the account, the card actions, and the inbound call report.
import * as z from 'zod';
import { Id, Timestamp } from './common.ts';
import { RecordRef } from './tasks.ts';

/** A widget's folder name: the path segment of its public endpoints (`/api/v1/inbound/<name>/...`). */
export const WidgetName = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes');

/** A visible string in each language of the web app. */
export const Wording = z.object({ en: z.string(), ru: z.string() });

export const WidgetAction = z.object({
  id: z.string(),
  title: Wording,
  /** The cards that offer it. */
  entityTypes: z.array(z.enum(['lead', 'contact'])),
  /** JSON Schema of the action's input, for the form the web app draws. */
  input: z.record(z.string(), z.unknown()),
});

/** An account's settings of one widget, as its events carry them (never the secrets). */
export const WidgetState = z.object({
  id: WidgetName,
  enabled: z.boolean(),
  /** The non-secret settings; secrets are never returned. */
  settings: z.record(z.string(), z.unknown()),
  /** Which secret fields have a stored value. */
  secretsSet: z.array(z.string()),
  /** When a secret was last set or changed. */
  secretsUpdatedAt: Timestamp.nullable(),
  /** The account's key in the widget's public endpoint (`/api/v1/inbound/<name>/<inboundKey>`), once set up. */
  inboundKey: z.string().nullable(),
  version: z.number().int().min(0),
  updatedAt: Timestamp.nullable(),
});
export type WidgetState = z.infer<typeof WidgetState>;

export const Widget = WidgetState.extend({
  name: WidgetName,
  title: Wording,
  description: Wording,
  /** JSON Schema of the settings (from the manifest's zod schema); secret fields carry `"writeOnly": true`. */
  settingsSchema: z.record(z.string(), z.unknown()),
  secretFields: z.array(z.string()),
  /** The event types it subscribes to on the bus. */
  events: z.array(z.string()),
  actions: z.array(WidgetAction),
});
export type Widget = z.infer<typeof Widget>;

export const WidgetList = z.object({ items: z.array(Widget), nextCursor: z.null() });

export const WidgetPut = z.strictObject({
  enabled: z.boolean(),
  /** Every non-secret setting; a secret left out keeps its stored value. */
  settings: z.record(z.string(), z.unknown()).default({}),
});

export const WidgetActionRun = z.strictObject({
  entity: RecordRef,
  input: z.record(z.string(), z.unknown()).default({}),
});

export const WidgetActionResult = z.object({ result: z.record(z.string(), z.unknown()) });

/** The contract's call report from the PBX. */
export const CallReport = z.strictObject({
  from: z.string().min(1).max(40),
  to: z.string().min(1).max(40),
  direction: z.enum(['in', 'out']),
  durationSec: z.number().int().min(0).max(86_400),
  recordingUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
});
export type CallReport = z.infer<typeof CallReport>;

export const CallRecorded = z.object({
  /** `note`: a call note on the contact's open lead (or the contact); `incoming`: an incoming request. */
  result: z.enum(['note', 'incoming']),
  id: Id,
});

export const InboundAnswer = z.record(z.string(), z.unknown());
