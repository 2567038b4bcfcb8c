// Webhooks (admin): the subscriptions, their delivery logs, and the changes made to them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { putSaved } from '@/api/cache';
import { api } from '@/api/client';
import { fetchAllPages } from '@/api/queries';
import type { EventType, Webhook, WebhookCreate } from '@/api/types';

export const webhookKeys = {
  all: ['webhooks'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

export function useWebhooks() {
  return useQuery({ queryKey: webhookKeys.all, queryFn: ({ signal }) => fetchAllPages((page) => api.webhooks.list(page, { signal })) });
}

/** The latest deliveries of one webhook, polled while it is open so retries show as they happen. */
export function useDeliveries(id: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id),
    queryFn: ({ signal }) => api.webhooks.deliveries({ id }, { limit: 50 }, { signal }),
    refetchInterval: 5000,
  });
}

/** The answer's new version goes into the list at once: the switch turned back, or a delete, right after is not a 412. */
function useAfterChange() {
  const qc = useQueryClient();
  return (saved?: Webhook | void) => {
    if (saved) {
      // A rotated secret is shown once, never kept in the cache.
      const { secret: _secret, ...webhook } = saved as Webhook & { secret?: string };
      putSaved(qc, webhookKeys.all, webhook);
    }
    void qc.invalidateQueries({ queryKey: webhookKeys.all });
  };
}

export function useCreateWebhook() {
  const onSuccess = useAfterChange();
  return useMutation({
    mutationFn: (body: WebhookCreate) => api.webhooks.create(body, { idempotencyKey: crypto.randomUUID() }),
    onSuccess,
  });
}

export function usePatchWebhook() {
  const onSuccess = useAfterChange();
  return useMutation({
    mutationFn: ({ webhook, patch }: { webhook: Webhook; patch: { enabled?: boolean; events?: EventType[] } }) =>
      api.webhooks.patch({ id: webhook.id }, patch, { ifMatch: webhook.version }),
    onSuccess,
  });
}

export function useDeleteWebhook() {
  const onSuccess = useAfterChange();
  return useMutation({
    mutationFn: (webhook: Webhook) => api.webhooks.delete({ id: webhook.id }, { ifMatch: webhook.version }),
    onSuccess,
  });
}

export function useRotateSecret() {
  const onSuccess = useAfterChange();
  return useMutation({
    mutationFn: (webhook: Webhook) => api.webhooks.rotateSecret({ id: webhook.id }, {}, { idempotencyKey: crypto.randomUUID() }),
    onSuccess,
  });
}

export function useResend(webhookId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => api.webhooks.resend({ id: webhookId, deliveryId }, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: webhookKeys.deliveries(webhookId) }),
  });
}
