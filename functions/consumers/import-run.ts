// Runs an import when its `import.started` event arrives (core's cascades/import-run.ts). A
// worker that dies leaves the job at its last checkpoint; the event's retry resumes it there.
import { CrmEvent } from '@crm/contract';
import { runImport } from '@crm/core';

export const handler = async (event: { detail?: unknown }) => {
  const started = CrmEvent.safeParse(event.detail);
  // A malformed event cannot become valid on a retry: drop it, loudly.
  if (!started.success || started.data.entity.type !== 'import') {
    console.error(JSON.stringify({ message: 'Not an import event', detail: event.detail }));
    return;
  }
  await runImport(started.data.accountId, started.data.entity.id);
};
