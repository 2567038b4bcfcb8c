// What each live event changes on screen: ONE table from event type to a patch of the query
// cache. Cheap cases are patched in place (a moved lead changes columns at once); the rest
// invalidate only the narrow queries that show the record. Events read back after a gap are
// applied by reading (the server decides again what this user may see), never by trusting them.
import { useEffect } from 'react';
import { useQueryClient, type InfiniteData, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { CrmEvent, EventType, Lead, Page } from '@/api/types';
import { onLiveEvents, useLiveSocket, type LiveDelivery } from '@/session/live';
import { addToColumn, deletedHere, isFilteredColumn, leadKeys, rememberLead, removeFromColumn } from '@/features/leads/hooks/useLeads';
import { refreshTotals } from '@/features/leads/hooks/usePipelineTotals';
import { taskKeys } from '@/features/tasks/hooks/useTasks';

type Patch = (qc: QueryClient, event: CrmEvent, how: LiveDelivery) => void;
type ColumnData = InfiniteData<Page<Lead>, string | undefined>;

const refresh =
  (...keys: QueryKey[]) =>
  (qc: QueryClient) =>
    keys.forEach((queryKey) => void qc.invalidateQueries({ queryKey }));

/** The bell's notification is written by another consumer of the same event: ask a moment later. */
const NOTIFICATION_LAG_MS = 1_000;
const bell = (qc: QueryClient) => setTimeout(() => void qc.invalidateQueries({ queryKey: ['notifications'] }), NOTIFICATION_LAG_MS);

const versionIn = (qc: QueryClient, id: string) =>
  qc.getQueryData<Lead>(leadKeys.detail(id))?.version ??
  qc
    .getQueriesData<ColumnData>({ queryKey: ['leads', 'stage'] })
    .flatMap(([, d]) => d?.pages.flatMap((p) => p.items) ?? [])
    .find((l) => l.id === id)?.version;

/** A lead as it is now: out of every unfiltered column but its own, into its own; the rest re-read. */
const leadChanged: Patch = (qc, event, how) => {
  const lead = (event.data as { lead?: Lead }).lead;
  // Read back after a gap, or sent without its data (too big): the server says where it is.
  if (how === 'missed' || !lead?.stageId) return leadGone(qc, event, how);
  const known = versionIn(qc, lead.id);
  if (known !== undefined && known > lead.version) return; // an older change arriving late
  for (const [key] of qc.getQueriesData<ColumnData>({ queryKey: ['leads', 'stage'], predicate: (q) => !isFilteredColumn(q) })) {
    if (key[2] !== lead.stageId) qc.setQueryData<ColumnData>(key, (d) => removeFromColumn(d, lead.id));
  }
  qc.setQueryData<ColumnData>(leadKeys.stage(lead.stageId), (d) => addToColumn(d, lead));
  rememberLead(qc, lead);
  bell(qc);
};

const leadGone: Patch = (qc, event) => {
  const id = event.entity.id;
  qc.setQueriesData<ColumnData>({ queryKey: ['leads', 'stage'] }, (d) => removeFromColumn(d, id));
  // Our own delete's event can come before the card has closed: reading the lead again would be a 404.
  const ownDelete = deletedHere(qc, id);
  void qc.invalidateQueries({ queryKey: ['leads'], predicate: (q) => !(ownDelete && q.queryKey[1] === 'detail' && q.queryKey[2] === id) });
  void refreshTotals(qc);
  refresh(['dashboard'])(qc);
};

const client = (resource: 'contacts' | 'companies'): Patch => refresh([resource], ['search'], ['dashboard']);
const tasks: Patch = (qc) => refresh(taskKeys.all, ['timeline'], ['dashboard'])(qc);

/** Event type -> what it changes on screen. A new area adds its line here. */
export const LIVE_PATCHES: Partial<Record<EventType, Patch>> = {
  'lead.created': leadChanged,
  'lead.updated': leadChanged,
  'lead.stage_changed': leadChanged,
  'lead.won': leadChanged,
  'lead.lost': leadChanged,
  'lead.restored': leadChanged,
  'lead.deleted': leadGone,
  'contact.created': client('contacts'),
  'contact.updated': client('contacts'),
  'contact.deleted': client('contacts'),
  'contact.restored': client('contacts'),
  'company.created': client('companies'),
  'company.updated': client('companies'),
  'company.deleted': client('companies'),
  'company.restored': client('companies'),
  'task.created': tasks,
  'task.updated': tasks,
  'task.completed': tasks,
  'task.deleted': tasks,
  'task.due': (qc, e, how) => (tasks(qc, e, how), bell(qc)),
  'note.added': (qc, e) => refresh(['timeline', (e.data as { note?: { entity?: { type: string; id: string } } }).note?.entity?.type])(qc),
  'pipeline.created': refresh(['pipelines']),
  'pipeline.updated': refresh(['pipelines'], ['pipeline-totals']),
  'pipeline.deleted': refresh(['pipelines']),
  'task_type.created': refresh(['task-types']),
  'task_type.updated': refresh(['task-types']),
  'task_type.deleted': refresh(['task-types']),
  'custom_field.created': refresh(['custom-fields']),
  'custom_field.updated': refresh(['custom-fields']),
  'custom_field.deleted': refresh(['custom-fields']),
  'user.created': refresh(['users']),
  'user.updated': refresh(['users']),
  'user.deactivated': refresh(['users']),
  'user.reactivated': refresh(['users']),
  'incoming.received': (qc) => bell(qc),
};

/** Keeps the socket open while signed in and applies what it brings. */
export function useLiveUpdates() {
  useLiveSocket();
  const qc = useQueryClient();
  useEffect(
    () =>
      onLiveEvents(
        (events, how) => {
          for (const event of events) LIVE_PATCHES[event.type]?.(qc, event, how);
          // Recent events on the desktop show whatever happened.
          void qc.invalidateQueries({ queryKey: ['dashboard', 'events'] });
        },
        // Too much was missed to replay: every screen reads afresh.
        () => void qc.invalidateQueries(),
      ),
    [qc],
  );
}
