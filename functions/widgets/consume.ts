// What a widget's own code needs at run time: its context for an account and its bus consumer.
// Kept apart from registry.ts, whose imports of every widget folder would otherwise be bundled
// (with the mail libraries) into each widget's Lambda and slow its cold start.
import { CrmEvent } from '@crm/contract/events';
import { readWidgetConfig, type Caller } from '@crm/core';
import { widgetSecretsKey } from './secret-key.ts';
import type { WidgetContext, WidgetManifest } from './widget.ts';

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
