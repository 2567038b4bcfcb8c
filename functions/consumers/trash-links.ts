// Finishes a contact's or company's delete or restore in the background: the links beyond what
// its own transaction could take (core's cascades/trash-links.ts). A failure throws, so
// EventBridge retries it and then parks it in the rule's DLQ; every step is idempotent.
import { CrmEvent } from '@crm/contract/events';
import { finishTrashLinks } from '@crm/core';

export const handler = async (event: { detail?: unknown }) => {
  const change = CrmEvent.safeParse(event.detail);
  const kind = change.success ? change.data.entity.type : undefined;
  // A malformed event cannot become valid on a retry: drop it, loudly.
  if (!change.success || (kind !== 'contact' && kind !== 'company')) {
    console.error(JSON.stringify({ message: 'Not a contact or company event', detail: event.detail }));
    return;
  }
  await finishTrashLinks(change.data.accountId, kind, change.data.entity.id);
};
