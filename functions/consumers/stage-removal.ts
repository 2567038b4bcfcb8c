// Finishes a stage's removal in the background: moves its leads to the chosen stage and then
// deletes it (core's cascades/stage-removal.ts). A failure throws, so EventBridge retries it and
// then parks it in the rule's DLQ; every step is idempotent.
import { CrmEvent } from '@crm/contract/events';
import { finishStageRemovals } from '@crm/core';

export const handler = async (event: { detail?: unknown }) => {
  const change = CrmEvent.safeParse(event.detail);
  // A malformed event cannot become valid on a retry: drop it, loudly.
  if (!change.success || change.data.entity.type !== 'pipeline') {
    console.error(JSON.stringify({ message: 'Not a pipeline event', detail: event.detail }));
    return;
  }
  await finishStageRemovals(change.data.accountId, change.data.entity.id);
};
