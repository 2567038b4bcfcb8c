// Downloads a list with its current filters as CSV (GET /exports); the server checks the export right.
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { useRights } from '@/session/useMe';
import { useErrorMessage } from '@/ui/errors';
import { notifyError } from '@/ui/notify';

export function saveFile(content: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

export function ExportButton({ entityType, filters = {} }: { entityType: 'leads' | 'contacts' | 'companies'; filters?: object }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const message = useErrorMessage();
  const mayExport = useRights().may(entityType, 'export');
  const download = async () => {
    setBusy(true);
    try {
      const set = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== ''));
      const csv = (await api.exports.download({ entityType, format: 'csv', ...set } as never)) as unknown as string;
      saveFile(csv, `${entityType}.csv`);
    } catch (e) {
      notifyError(message(e));
    } finally {
      setBusy(false);
    }
  };
  // A role without the export right gets no button (the API would refuse it).
  if (!mayExport) return null;
  return (
    <Button variant="default" onClick={download} loading={busy}>
      {t('imports.export')}
    </Button>
  );
}
