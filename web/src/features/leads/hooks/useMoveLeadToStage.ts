// Moving a lead between kanban columns: the card moves at once, the PATCH follows, and a
// refusal (409 stage conflict, 412 changed by someone else) puts it where the server has it.
// Moves of one lead go out one after another, each with the version the one before saved.
import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { isApiError } from '@/lib/problem';
import type { Lead, LeadPatch, Page, Stage } from '@/api/types';
import { useStageIndex } from '@/reference/usePipelines';
import { useErrorMessage } from '@/ui/errors';
import { notifyError } from '@/ui/notify';
import { addToColumn, leadKeys, rememberLead, removeFromColumn, type LeadListFilters } from './useLeads';
import { refreshTotals, shiftTotals } from './usePipelineTotals';

type ColumnData = InfiniteData<Page<Lead>, string | undefined>;

export interface LeadMove {
  lead: Lead;
  stage: Stage;
  lossReason?: string;
  /** The board's filters, which name the columns it shows. */
  filters?: LeadListFilters;
}

/**
 * Reads the lead again and shows it in the column the server has it in (or nowhere, when it
 * is gone); the stage it is in now, or null when it was deleted.
 */
async function placeAsTheServerHasIt(qc: QueryClient, lead: Lead, filters?: LeadListFilters): Promise<string | null> {
  const columns = { queryKey: ['leads', 'stage'] };
  const current = await api.leads.get({ id: lead.id }).catch((error: unknown) => {
    if (isApiError(error, 404)) return null;
    throw error;
  });
  qc.setQueriesData<ColumnData>(columns, (d) => removeFromColumn(d, lead.id));
  if (!current) return null;
  qc.setQueryData<ColumnData>(leadKeys.column(current.stageId, filters), (d) => addToColumn(d, current));
  rememberLead(qc, current);
  return current.stageId;
}

/** Per lead, the move still being saved, settled with the lead it saved (or null). */
const movesInFlight = new Map<string, Promise<Lead | null>>();

/**
 * Sends `move` once the lead's move before it is saved, with the newer of the two versions: a
 * tile dragged again before its first move lands would otherwise send the version it was
 * dragged with, and be refused (412) by its own first move.
 */
function afterMoveInFlight(lead: Lead, move: (version: number) => Promise<Lead>): Promise<Lead> {
  const before = movesInFlight.get(lead.id) ?? Promise.resolve(null);
  const mine = before.then((saved) => move(Math.max(lead.version, saved?.version ?? 0)));
  const settled = mine.catch(() => null);
  movesInFlight.set(lead.id, settled);
  void settled.then(() => movesInFlight.get(lead.id) === settled && movesInFlight.delete(lead.id));
  return mine;
}

export function useMoveLeadToStage() {
  const qc = useQueryClient();
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const stages = useStageIndex();
  return useMutation({
    mutationFn: ({ lead, stage, lossReason }: LeadMove) => {
      const patch: LeadPatch = { stageId: stage.id };
      if (lossReason) patch.lossReason = lossReason;
      return afterMoveInFlight(lead, (version) => api.leads.patch({ id: lead.id }, patch, { ifMatch: version }));
    },
    onMutate: async ({ lead, stage, filters }) => {
      const from = leadKeys.column(lead.stageId, filters);
      const to = leadKeys.column(stage.id, filters);
      await Promise.all([qc.cancelQueries({ queryKey: from }), qc.cancelQueries({ queryKey: to })]);
      const before = { from: qc.getQueryData<ColumnData>(from), to: qc.getQueryData<ColumnData>(to) };
      qc.setQueryData<ColumnData>(from, (d) => removeFromColumn(d, lead.id));
      qc.setQueryData<ColumnData>(to, (d) => addToColumn(d, { ...lead, stageId: stage.id, status: stage.type }));
      shiftTotals(qc, lead.pipelineId, lead.stageId, stage.id, lead.price);
      return before;
    },
    onError: async (error, { lead, stage, filters }, before) => {
      if (before) {
        qc.setQueryData(leadKeys.column(lead.stageId, filters), before.from);
        qc.setQueryData(leadKeys.column(stage.id, filters), before.to);
        shiftTotals(qc, lead.pipelineId, stage.id, lead.stageId, lead.price);
      }
      if (isApiError(error, 412)) {
        const now = await placeAsTheServerHasIt(qc, lead, filters).catch(() => {
          void qc.invalidateQueries({ queryKey: ['leads', 'stage'] });
          return undefined;
        });
        if (now === null) notifyError(t('leads.moveStaleDeleted', { name: lead.name }));
        else if (now && now !== lead.stageId) {
          notifyError(t('leads.moveStaleElsewhere', { name: lead.name, stage: stages.get(now)?.name ?? '' }));
        } else notifyError(t('leads.moveStale', { name: lead.name }));
      } else if (isApiError(error, 409)) {
        notifyError(t('leads.moveConflict', { name: lead.name, detail: error.problem.detail ?? '' }));
      } else {
        notifyError(`${t('leads.moveFailed', { name: lead.name })} ${describe(error)}`);
      }
    },
    onSuccess: (saved) => rememberLead(qc, saved),
    onSettled: () => void refreshTotals(qc),
  });
}
