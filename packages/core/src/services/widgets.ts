// Widget settings per account (admin): enabled or not, the settings the widget's manifest
// declares, the secret ones sealed and never answered, and the account's inbound key, which a
// widget's public endpoint carries in its path. The manifests live in functions/widgets; this
// service gets what it needs of one as a WidgetSpec.
import { randomBytes } from 'node:crypto';
import type { WidgetState } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { notFound } from '../errors.ts';
import { now } from '../ids.ts';
import { requireAdmin } from '../rights.ts';
import { seal, unseal } from '../sealing.ts';
import { put } from '../write/write.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';

export type WidgetSettingItem = NonNullable<Awaited<ReturnType<ReturnType<typeof db.widgetSetting.get>['go']>>['data']>;

/** What the service needs of a widget's manifest. */
export interface WidgetSpec {
  name: string;
  secretFields: readonly string[];
  /** Validates the full settings (secrets merged in); throws a DomainError `invalid` with field paths. */
  parseSettings(settings: Record<string, unknown>): Record<string, unknown>;
}

/** A widget's settings for an account, secrets opened: what its handler works with. */
export interface WidgetConfig {
  accountId: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  inboundKey: string;
}

const owner = (accountId: string, widget: string) => `${accountId}#${widget}`;
/** The inbound key: 32 random bytes, in the id alphabet so that it passes the path's id check. */
const newInboundKey = () => randomBytes(24).toString('base64url');

export const toWidgetState = (w: WidgetSettingItem): WidgetState => ({
  id: w.widget,
  enabled: w.enabled,
  settings: w.settings as Record<string, unknown>,
  secretsSet: w.secretsSet,
  secretsUpdatedAt: w.secretsUpdatedAt ?? null,
  inboundKey: w.inboundKey,
  version: w.version,
  updatedAt: w.updatedAt,
});

const readSetting = async (accountId: string, widget: string, consistent = false) =>
  (await db.widgetSetting.get({ accountId, widget }).go({ consistent })).data;

const widgets = aggregate({
  type: 'widget',
  label: 'Widget',
  dataKey: 'widget',
  read: (caller, widget, consistent) => readSetting(caller.accountId, widget, consistent),
  store: entityStore<WidgetSettingItem>(db.widgetSetting, (w) => ({ accountId: w.accountId, widget: w.widget })),
  toContract: toWidgetState,
  tracked: ['enabled', 'settings', 'secretsSet', 'secretsUpdatedAt'],
  authorize: (caller) => requireAdmin(caller),
});

/** Every widget setting of the account: one Query (an account has a handful). */
export async function listWidgetStates(caller: Caller): Promise<Map<string, WidgetState>> {
  const { data } = await db.widgetSetting.query.byWidget({ accountId: caller.accountId }).go({ pages: 'all' });
  return new Map(data.map((w) => [w.widget, toWidgetState(w)]));
}

/** Splits the parsed settings into the plain ones and the secrets, keeping stored secrets the input leaves out. */
function splitSettings(spec: WidgetSpec, input: Record<string, unknown>, storedSecrets: Record<string, unknown>) {
  const secrets = { ...storedSecrets };
  for (const field of spec.secretFields) {
    if (input[field] !== undefined && input[field] !== '') secrets[field] = input[field];
  }
  const parsed = spec.parseSettings({ ...input, ...secrets });
  const plain: Record<string, unknown> = {};
  const sealed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(parsed)) {
    if (value === undefined) continue;
    (spec.secretFields.includes(field) ? sealed : plain)[field] = value;
  }
  return { plain, sealed };
}

const sameSecrets = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a) === JSON.stringify(b);

/** PUT /widgets/{name}: the first save creates the account's setting (and its inbound key), later ones change it. */
export async function saveWidget(
  caller: Caller,
  spec: WidgetSpec,
  input: { enabled: boolean; settings: Record<string, unknown> },
  key: Buffer,
  options?: WriteOptions,
): Promise<WidgetState> {
  requireAdmin(caller);
  const at = now();
  const sealedFor = (item: { sealedSecrets?: string }) =>
    item.sealedSecrets ? unseal<Record<string, unknown>>(item.sealedSecrets, key, owner(caller.accountId, spec.name)) : {};
  const existing = await readSetting(caller.accountId, spec.name, true);
  if (!existing) {
    return widgets.create(caller, options, () => {
      const { plain, sealed } = splitSettings(spec, input.settings, {});
      const item: WidgetSettingItem = {
        accountId: caller.accountId,
        widget: spec.name,
        enabled: input.enabled,
        settings: plain,
        secretsSet: Object.keys(sealed).sort(),
        ...(Object.keys(sealed).length && { sealedSecrets: seal(sealed, key, owner(caller.accountId, spec.name)), secretsUpdatedAt: at }),
        inboundKey: newInboundKey(),
        createdAt: at,
        updatedAt: at,
        createdBy: caller.userId,
        version: 1,
      };
      const lookup = put(db.widgetKey.create({ widget: spec.name, inboundKey: item.inboundKey, accountId: caller.accountId }).params());
      return { item, writes: [lookup] };
    });
  }
  return widgets.change(caller, spec.name, options, (current) => {
    const stored = sealedFor(current);
    const { plain, sealed } = splitSettings(spec, input.settings, stored);
    const next: WidgetSettingItem = { ...current, enabled: input.enabled, settings: plain, secretsSet: Object.keys(sealed).sort() };
    if (!sameSecrets(sealed, stored)) {
      next.sealedSecrets = seal(sealed, key, owner(caller.accountId, spec.name));
      next.secretsUpdatedAt = now();
    }
    return { next };
  });
}

/** A widget's settings with its secrets opened, for its handler (bus events, actions, inbound calls). */
export async function readWidgetConfig(accountId: string, widget: string, key: Buffer): Promise<WidgetConfig | null> {
  const item = await readSetting(accountId, widget);
  if (!item) return null;
  const secrets = item.sealedSecrets ? unseal<Record<string, unknown>>(item.sealedSecrets, key, owner(accountId, widget)) : {};
  return {
    accountId,
    enabled: item.enabled,
    settings: { ...(item.settings as Record<string, unknown>), ...secrets },
    inboundKey: item.inboundKey,
  };
}

/** The account a public call is for, by the widget and the key in its path; unknown keys are a 404. */
export async function accountOfInboundKey(widget: string, inboundKey: string): Promise<string> {
  const found = (await db.widgetKey.get({ widget, inboundKey }).go()).data;
  if (!found) throw notFound('Widget endpoint');
  return found.accountId;
}
