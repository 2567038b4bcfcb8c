// Downloads a list with its current filters as CSV or XLSX (GET /exports); the server checks the export right.
import { Button, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { useRights } from '@/session/useMe';
import { useErrorMessage } from '@/ui/errors';
import { notifyError } from '@/ui/notify';

export function saveFile(content: string | Blob, fileName: string) {
  const blob = typeof content === 'string' ? new Blob([content], { type: 'text/csv;charset=utf-8' }) : content;
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

const FORMATS = ['csv', 'xlsx'] as const;

export function ExportButton({ entityType, filters = {} }: { entityType: 'leads' | 'contacts' | 'companies'; filters?: object }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const message = useErrorMessage();
  const mayExport = useRights().may(entityType, 'export');
  const download = async (format: (typeof FORMATS)[number]) => {
    setBusy(true);
    try {
      const set = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== ''));
      // CSV comes as text; XLSX as a Blob, read from storage after the API's redirect.
      const file = (await api.exports.download({ entityType, format, ...set } as never)) as string | Blob;
      saveFile(file, `${entityType}.${format}`);
    } catch (e) {
      notifyError(message(e));
    } finally {
      setBusy(false);
    }
  };
  // A role without the export right gets no button (the API would refuse it).
  if (!mayExport) return null;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" size="xs" loading={busy} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {t('imports.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {FORMATS.map((format) => (
          <Menu.Item key={format} onClick={() => void download(format)}>
            {t(`imports.exportAs.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
