// What a widget is: the manifest (functions/widgets/<name>/manifest.ts) and the parts its
// handler.ts exports. docs/widgets.md walks through adding one; discover.ts finds the folders.
import * as z from 'zod';
import type { Caller } from '@crm/core';
import type { CrmEvent, EventType, RecordRef } from '@crm/contract';

/** A visible string in each language of the web app. */
export interface Wording {
  en: string;
  ru: string;
}

/** Marks a setting secret: stored sealed, a write-only input in the web form, never answered. */
export const secret = <T extends z.ZodType>(schema: T, label?: Wording) => schema.meta({ writeOnly: true, secret: true, label });

/** A setting's label in the web form. */
export const label = <T extends z.ZodType>(schema: T, wording: Wording) => schema.meta({ label: wording });

export interface WidgetActionSpec {
  /** The path segment of `POST /api/v1/widgets/<name>/actions/<id>`. */
  id: string;
  title: Wording;
  /** The cards that offer it. */
  entityTypes: readonly ('lead' | 'contact')[];
  /** The action's input, drawn as a form by the web app. */
  input: z.ZodObject;
}

export interface WidgetManifest<S extends z.ZodObject = z.ZodObject> {
  /** The folder's name: also the path segment of its public endpoints, `/api/v1/inbound/<name>/...`. */
  name: string;
  title: Wording;
  description: Wording;
  /** The settings an admin fills in; mark secrets with `secret(...)`. */
  settings: S;
  /** The bus events it subscribes to: its rule's pattern (CDK and the local bus alike). */
  events: readonly EventType[];
  actions: readonly WidgetActionSpec[];
}

export const defineWidget = <S extends z.ZodObject>(manifest: WidgetManifest<S>) => manifest;

/** What a widget's code gets: the account, its settings (secrets opened) and who it acts as. */
export interface WidgetContext<S extends z.ZodObject = z.ZodObject> {
  accountId: string;
  settings: z.output<S>;
  /** The account's key in the widget's public endpoints. */
  inboundKey: string;
  /** The widget acting in the account: the event log names it as an integration. */
  caller: Caller;
  /** The public base of the API (`https://.../api/v1`) when known, for callbacks. */
  publicApiUrl: string | null;
}

export interface ActionRequest {
  entity: RecordRef;
  input: Record<string, unknown>;
  /** The user who clicked: the action is checked against their rights. */
  user: Caller;
}

export interface InboundRequest {
  key: string;
  /** The segment after the key, if any (`status` in `/inbound/sms/<key>/status`). */
  hook: string | null;
  /** The raw body and its media type: each widget speaks its service's protocol. */
  body: string;
  contentType: string;
  headers: Record<string, string | undefined>;
  /** The URL the request was sent to, as the caller saw it (signature checks need it). */
  url: string;
}

export interface InboundAnswer {
  status: number;
  body?: Record<string, unknown>;
}

/** What handler.ts may export beside `handler` (the bus consumer, see consume.ts). */
export interface WidgetModule {
  handler?: (event: unknown) => Promise<void>;
  actions?: Record<string, (ctx: WidgetContext, request: ActionRequest) => Promise<Record<string, unknown>>>;
  inbound?: (ctx: WidgetContext, request: InboundRequest) => Promise<InboundAnswer>;
  /** Called after an admin saved the settings with the widget enabled (e.g. to register a webhook with the service). */
  onSave?: (ctx: WidgetContext) => Promise<void>;
}

/** Whether a settings field is secret (the marker may sit under optional/default). */
export function isSecret(schema: z.ZodType): boolean {
  let s: z.ZodType | undefined = schema;
  for (let depth = 0; s && depth < 5; depth++) {
    if ((s.meta() as { secret?: boolean } | undefined)?.secret) return true;
    const inner: unknown = (s as unknown as { def?: { innerType?: z.ZodType } }).def?.innerType;
    s = inner as z.ZodType | undefined;
  }
  return false;
}

export const secretFields = (manifest: WidgetManifest) =>
  Object.keys(manifest.settings.shape).filter((f) => isSecret(manifest.settings.shape[f]!));

export type { CrmEvent };
