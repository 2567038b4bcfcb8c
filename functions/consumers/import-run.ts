// The import worker: runs an import when its `import.started` event arrives, and undoes one on
// `import.undo_requested` (core's cascades/import-run.ts, import-files.ts). A worker that dies
// leaves the job at its last checkpoint; the event's retry resumes it there.
import { CrmEvent } from '@crm/contract/events';
import { runImport, runImportUndo } from '@crm/core';

export const handler = async (event: { detail?: unknown }) => {
  const parsed = CrmEvent.safeParse(event.detail);
  // A malformed event cannot become valid on a retry: drop it, loudly.
  if (!parsed.success || parsed.data.entity.type !== 'import') {
    console.error(JSON.stringify({ message: 'Not an import event', detail: event.detail }));
    return;
  }
  const { accountId, entity, type } = parsed.data;
  if (type === 'import.undo_requested') await runImportUndo(accountId, entity.id);
  else await runImport(accountId, entity.id);
};
