// The event log: who changed what, before and after; read newest first.
import type { z } from 'zod';
import type { EventListQuery } from '@crm/contract';
import { toEvent } from '../event-envelope.ts';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { invalid } from '../errors.ts';
import { idBounds } from '../ids.ts';
import { acceptCursor, pageOf } from '../page.ts';

export { toEvent };

/** Entity, actor or the whole account: each an index sorted by event id, i.e. by time. */
export async function listEvents(caller: Caller, query: z.output<typeof EventListQuery>) {
  if (query.entityId && !query.entityType)
    throw invalid('entityId needs entityType', [{ path: 'entityType', message: 'required with entityId' }]);
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const { accountId } = caller;
  const base =
    query.entityType && query.entityId
      ? db.event.query.byEntity({ accountId, entityType: query.entityType, entityId: query.entityId })
      : query.actorId
        ? db.event.query.byActor({ accountId, actorId: query.actorId })
        : db.event.query.byId({ accountId });
  const low = query.from ? idBounds(query.from).low : undefined;
  const high = query.to ? idBounds(query.to).high : undefined;
  const ranged =
    low && high
      ? base.between({ eventId: low }, { eventId: high })
      : low
        ? base.gte({ eventId: low })
        : high
          ? base.lte({ eventId: high })
          : base;
  return pageOf(
    (o) =>
      ranged
        .where((a, op) =>
          [
            query.type ? op.eq(a.type as never, query.type as never) : '',
            query.entityType && !query.entityId ? op.eq(a.entityType as never, query.entityType as never) : '',
            query.actorId && query.entityId ? op.eq(a.actorId, query.actorId) : '',
          ]
            .filter(Boolean)
            .join(' AND '),
        )
        .go({ ...o, order: 'desc' }),
    { limit: query.limit, cursor },
    toEvent,
  );
}
