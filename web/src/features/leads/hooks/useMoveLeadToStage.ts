// Moving a lead between kanban columns: the card moves at once, the PATCH follows, and a
// refusal (409 stage conflict, 412 changed by someone else) puts it back with a message.
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { isApiError } from '@/lib/problem';
import type { Lead, LeadPatch, Page, Stage } from '@/api/types';
import { useErrorMessage } from '@/ui/errors';
import { notifyError } from '@/ui/notify';
import { addToColumn, leadKeys, rememberLead, removeFromColumn } from './useLeads';
import { refreshTotals, shiftTotals } from './usePipelineTotals';

type ColumnData = InfiniteData<Page<Lead>, string | undefined>;

export interface LeadMove {
  lead: Lead;
  stage: Stage;
  lossReason?: string;
}

export function useMoveLeadToStage() {
  const qc = useQueryClient();
  const { t } = useTranslation();
  const describe = useErrorMessage();
  return useMutation({
    mutationFn: ({ lead, stage, lossReason }: LeadMove) => {
      const patch: LeadPatch = { stageId: stage.id };
      if (lossReason) patch.lossReason = lossReason;
      return api.leads.patch({ id: lead.id }, patch, { ifMatch: lead.version });
    },
    onMutate: async ({ lead, stage }) => {
      const from = leadKeys.stage(lead.stageId);
      const to = leadKeys.stage(stage.id);
      await Promise.all([qc.cancelQueries({ queryKey: from }), qc.cancelQueries({ queryKey: to })]);
      const before = { from: qc.getQueryData<ColumnData>(from), to: qc.getQueryData<ColumnData>(to) };
      qc.setQueryData<ColumnData>(from, (d) => removeFromColumn(d, lead.id));
      qc.setQueryData<ColumnData>(to, (d) => addToColumn(d, { ...lead, stageId: stage.id, status: stage.type }));
      shiftTotals(qc, lead.pipelineId, lead.stageId, stage.id, lead.price);
      return before;
    },
    onError: (error, { lead, stage }, before) => {
      if (before) {
        qc.setQueryData(leadKeys.stage(lead.stageId), before.from);
        qc.setQueryData(leadKeys.stage(stage.id), before.to);
        shiftTotals(qc, lead.pipelineId, stage.id, lead.stageId, lead.price);
      }
      if (isApiError(error, 412)) {
        notifyError(t('leads.moveStale', { name: lead.name }));
        void qc.invalidateQueries({ queryKey: leadKeys.stage(lead.stageId) });
        void qc.invalidateQueries({ queryKey: leadKeys.detail(lead.id) });
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
