// Widgets: the installed ones with the account's settings (never secrets), an admin's save,
// and a card action (Call, Send SMS) run on a lead or contact.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyOf } from '@crm/contract/client';
import { api } from '@/api/client';

const key = ['widgets'] as const;

export function useWidgets() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => api.widgets.list({ signal }) });
}

export function useSaveWidget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ name, body }: { name: string; body: BodyOf<'widgets.put'> }) => api.widgets.put({ name }, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useWidgetAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ name, action, body }: { name: string; action: string; body: BodyOf<'widgets.action'> }) =>
      api.widgets.action({ name, action }, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['timeline'] }),
  });
}
