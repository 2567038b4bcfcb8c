// The widgets at run time. In a Lambda, WIDGETS (set by CDK from discover.ts) names them and
// esbuild bundles every `./<name>/manifest.ts` and `handler.ts` matched by the imports below;
// locally the folders are listed as they are now.
import { CrmEvent } from '@crm/contract';
import { readWidgetConfig, type Caller, type WidgetSpec } from '@crm/core';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { widgetFolders, widgetsDir } from './discover.ts';
import { widgetSecretsKey } from './secret-key.ts';
import { secretFields, type WidgetContext, type WidgetManifest, type WidgetModule } from './widget.ts';

export interface LoadedWidget {
  manifest: WidgetManifest;
  module: WidgetModule;
}

export const widgetNames = (): string[] =>
  process.env.WIDGETS !== undefined ? process.env.WIDGETS.split(',').filter(Boolean) : widgetFolders();

/**
 * Locally (no WIDGETS), a widget is read from its folder as it is now: a folder added while the
 * runtime or a test run is up is found, which a bundler's list of the folders at build time
 * (esbuild's in a Lambda, vite's in tests) would miss.
 */
function fromFolder(name: string, file: string) {
  if (process.env.WIDGETS !== undefined) return undefined;
  return import(/* @vite-ignore */ pathToFileURL(join(widgetsDir(), name, file)).href);
}

export async function loadWidget(name: string): Promise<LoadedWidget | null> {
  if (!widgetNames().includes(name)) return null;
  const [{ manifest }, module] = await Promise.all([
    fromFolder(name, 'manifest.ts') ?? (import(`./${name}/manifest.ts`) as Promise<{ manifest: WidgetManifest }>),
    fromFolder(name, 'handler.ts') ?? (import(`./${name}/handler.ts`) as Promise<WidgetModule>),
  ]);
  return { manifest, module };
}

export const loadWidgets = async () => (await Promise.all(widgetNames().map(loadWidget))).filter((w) => w !== null);

/** What core's widget service needs of a manifest. */
export function specOf(manifest: WidgetManifest, parse: (settings: Record<string, unknown>) => Record<string, unknown>): WidgetSpec {
  return { name: manifest.name, secretFields: secretFields(manifest), parseSettings: parse };
}

/** The widget acting in an account: the event log names it as an integration. */
export const widgetCaller = (accountId: string, widget: string): Caller => ({
  accountId,
  userId: `widget:${widget}`,
  role: 'admin',
  groupId: null,
  actor: { type: 'integration', id: `widget:${widget}` },
});

/** The widget's context for an account, or null when the account has not enabled it. */
export async function widgetContext(manifest: WidgetManifest, accountId: string): Promise<WidgetContext | null> {
  const config = await readWidgetConfig(accountId, manifest.name, await widgetSecretsKey());
  if (!config?.enabled) return null;
  const settings = manifest.settings.safeParse(config.settings);
  // Settings saved under an older manifest that no longer fit: the widget stays quiet until an admin saves them again.
  if (!settings.success) return null;
  return {
    accountId,
    settings: settings.data,
    inboundKey: config.inboundKey,
    caller: widgetCaller(accountId, manifest.name),
    publicApiUrl: process.env.PUBLIC_API_URL ?? null,
  };
}

/**
 * A widget's bus consumer (handler.ts's `handler`): parses the CRM event, skips accounts that
 * have not enabled the widget, and hands the rest to `onEvent`. A throw is retried by
 * EventBridge and then parked in the widget's own DLQ.
 */
export function widgetConsumer<M extends WidgetManifest>(
  manifest: M,
  onEvent: (event: CrmEvent, ctx: WidgetContext<M['settings']>) => Promise<void>,
) {
  return async (event: { detail?: unknown }) => {
    const parsed = CrmEvent.safeParse(event.detail);
    if (!parsed.success) return void console.error(JSON.stringify({ message: 'Not a CRM event', widget: manifest.name }));
    const ctx = await widgetContext(manifest, parsed.data.accountId);
    if (!ctx) return;
    await onEvent(parsed.data, ctx as WidgetContext<M['settings']>);
  };
}
