// Every widget's public endpoints (`/api/v1/inbound/<widget>/<key>[/<hook>]`, and the contract's
// call report), no token: the key in the path names the account. Routed to the widget's
// handler.ts `inbound` by its folder name; a widget disabled for the account is not found.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { accountOfInboundKey, notFound } from '@crm/core';
import { defineResource, Reply } from '../http/resource.ts';
import { widgetContext } from '../widgets/consume.ts';
import { loadWidget } from '../widgets/registry.ts';
import { publicApiUrl, reachingService } from '../widgets/api.ts';

async function runInbound(event: APIGatewayProxyEventV2, params: Record<string, string>, parsedBody?: unknown) {
  const widget = await loadWidget(params.widget!);
  if (!widget?.module.inbound) throw notFound('Widget endpoint');
  const key = params.key!;
  const accountId = await accountOfInboundKey(widget.manifest.name, key);
  const ctx = await widgetContext(widget.manifest, accountId);
  // A disabled widget's endpoint is as good as absent.
  if (!ctx) throw notFound('Widget endpoint');
  const raw = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8').toString('utf8') : '';
  const answer = await reachingService(() =>
    widget.module.inbound!(
      { ...ctx, publicApiUrl: ctx.publicApiUrl ?? publicApiUrl(event) },
      {
        key,
        hook: params.hook ?? null,
        body: parsedBody === undefined ? raw : JSON.stringify(parsedBody),
        contentType: parsedBody === undefined ? (event.headers['content-type'] ?? '') : 'application/json',
        headers: event.headers,
        url: `${publicApiUrl(event).replace(/\/api\/v1$/, '')}${event.rawPath}`,
      },
    ),
  );
  return new Reply({ status: answer.status, body: answer.body ?? {} });
}

export const handler = defineResource('widget-inbound', {
  'POST /api/v1/inbound/calls/{callKey}': async ({ params, body, event }) =>
    runInbound(event, { widget: 'calls', key: params.callKey! }, body),
  'POST /api/v1/inbound/{widget}/{key}': async ({ params, event }) => runInbound(event, params),
  'POST /api/v1/inbound/{widget}/{key}/{hook}': async ({ params, event }) => runInbound(event, params),
});
