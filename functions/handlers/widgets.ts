// Widgets: the installed ones with the account's settings, an admin's save, the card actions,
// and every widget's public endpoints (`/api/v1/inbound/<widget>/<key>[/<hook>]`), routed here
// to the widget's handler.ts by its folder name.
import * as z from 'zod';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Widget, WidgetState } from '@crm/contract';
import { invalid, listWidgetStates, notFound, requireViewableRecord, saveWidget, type Caller } from '@crm/core';
import { defineResource } from '../http/resource.ts';
import { HttpProblem } from '../http/problem.ts';
import { widgetContext } from '../widgets/consume.ts';
import { loadWidget, loadWidgets, specOf, type LoadedWidget } from '../widgets/registry.ts';
import { widgetSecretsKey } from '../widgets/secret-key.ts';
import { secretFields, type WidgetContext, type WidgetManifest } from '../widgets/widget.ts';
import { publicApiUrl, reachingService } from '../widgets/api.ts';

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

const NOT_SET_UP: Omit<WidgetState, 'id'> = {
  enabled: false,
  settings: {},
  secretsSet: [],
  secretsUpdatedAt: null,
  inboundKey: null,
  version: 0,
  updatedAt: null,
};

export function widgetView(manifest: WidgetManifest, state: WidgetState | undefined): Widget {
  return {
    ...NOT_SET_UP,
    ...state,
    id: manifest.name,
    name: manifest.name,
    title: manifest.title,
    description: manifest.description,
    settingsSchema: jsonSchema(manifest.settings),
    secretFields: secretFields(manifest),
    events: [...manifest.events],
    actions: manifest.actions.map((a) => ({ id: a.id, title: a.title, entityTypes: [...a.entityTypes], input: jsonSchema(a.input) })),
  };
}

const fieldErrors = (prefix: string, error: z.ZodError) =>
  error.issues.map((i) => ({ path: [prefix, ...i.path].join('.'), message: i.message, code: i.code }));

async function widgetNamed(name: string): Promise<LoadedWidget> {
  const widget = await loadWidget(name);
  if (!widget) throw notFound('Widget');
  return widget;
}

async function enabledContext(widget: LoadedWidget, accountId: string, event: APIGatewayProxyEventV2): Promise<WidgetContext> {
  const ctx = await widgetContext(widget.manifest, accountId);
  if (!ctx) throw new HttpProblem(409, `The ${widget.manifest.name} widget is not enabled for this account`);
  return { ...ctx, publicApiUrl: ctx.publicApiUrl ?? publicApiUrl(event) };
}

async function runAction(
  caller: Caller,
  name: string,
  actionId: string,
  body: { entity: { type: string; id: string }; input: Record<string, unknown> },
  event: APIGatewayProxyEventV2,
) {
  const widget = await widgetNamed(name);
  const spec = widget.manifest.actions.find((a) => a.id === actionId);
  const run = widget.module.actions?.[actionId];
  if (!spec || !run) throw notFound('Widget action');
  if (!spec.entityTypes.includes(body.entity.type as 'lead' | 'contact')) {
    throw invalid(`This action is not offered on a ${body.entity.type}`, [{ path: 'entity.type', message: 'not offered here' }]);
  }
  const input = spec.input.safeParse(body.input);
  if (!input.success) throw new HttpProblem(400, 'The action input is not valid', fieldErrors('input', input.error));
  // The user must see the record; the widget then acts in the account as itself.
  await requireViewableRecord(caller, body.entity as never);
  const ctx = await enabledContext(widget, caller.accountId, event);
  const result = await reachingService(() => run(ctx, { entity: body.entity as never, input: input.data, user: caller }));
  return { result };
}

export const handler = defineResource('widgets', {
  'GET /api/v1/widgets': async ({ caller }) => {
    const [widgets, states] = await Promise.all([loadWidgets(), listWidgetStates(caller)]);
    return { items: widgets.map((w) => widgetView(w.manifest, states.get(w.manifest.name))), nextCursor: null };
  },
  'PUT /api/v1/widgets/{name}': async ({ caller, params, body, options, event }) => {
    const widget = await widgetNamed(params.name!);
    const { manifest } = widget;
    const parse = (settings: Record<string, unknown>) => {
      const parsed = manifest.settings.safeParse(settings);
      if (!parsed.success) throw new HttpProblem(400, 'The settings are not valid', fieldErrors('settings', parsed.error));
      return parsed.data as Record<string, unknown>;
    };
    const state = await saveWidget(caller, specOf(manifest, parse), body, await widgetSecretsKey(), options);
    // Saved settings the service refuses (a wrong bot token) are told at once as a 502; they stay saved to be corrected.
    if (state.enabled && widget.module.onSave) {
      const ctx = await enabledContext(widget, caller.accountId, event);
      await reachingService(() => widget.module.onSave!(ctx));
    }
    return widgetView(manifest, state);
  },
  'POST /api/v1/widgets/{name}/actions/{action}': async ({ caller, params, body, event }) =>
    runAction(caller, params.name!, params.action!, body, event),
});
