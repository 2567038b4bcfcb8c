// The event catalogue: every type documented with a data schema that the events the CRM writes
// satisfy; docs/events.md and the OpenAPI document's `webhooks` are generated from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApi, EVENT_CATALOGUE, EVENT_TYPES, eventSchema } from '../src/index.ts';
import { DOC, renderEventsDoc } from '../../../scripts/events-doc.ts';

describe('Event catalogue', () => {
  it('docs/events.md is current (run `npx tsx scripts/events-doc.ts` to update)', async () => {
    expect(readFileSync(DOC, 'utf8')).toBe(await renderEventsDoc());
  });

  it('lists every event type once, in the OpenAPI 3.1 webhooks section with the signature headers', () => {
    expect(Object.keys(EVENT_CATALOGUE).sort()).toEqual([...EVENT_TYPES].sort());
    const doc = buildOpenApi([], { title: 't', version: '1' }) as { openapi: string; webhooks: Record<string, any> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.webhooks)).toEqual([...EVENT_TYPES]);
    const hook = doc.webhooks['lead.stage_changed'].post;
    expect(hook.parameters.map((p: { name: string }) => p.name)).toEqual(['X-Crm-Event', 'X-Crm-Delivery', 'X-Crm-Signature']);
    expect(hook.requestBody.content['application/json'].schema.properties.type).toMatchObject({ const: 'lead.stage_changed' });
  });

  it("checks an event's data against its type", () => {
    const base = {
      id: '01J0000000000000000000000',
      accountId: 'a1',
      occurredAt: '2026-01-01T00:00:00.000Z',
      actor: { type: 'system', id: 'x' },
      entity: { type: 'account', id: 'a1' },
    };
    expect(eventSchema('account.created').safeParse({ ...base, type: 'account.created', data: { name: 'Romashka' } }).success).toBe(true);
    expect(eventSchema('account.created').safeParse({ ...base, type: 'account.created', data: {} }).success).toBe(false);
    expect(eventSchema('lead.created').safeParse({ ...base, type: 'lead.created', data: { name: 'x' } }).success).toBe(false);
  });
});
