// Downloads a report's table as a CSV file.
import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { toCsv } from './csv';

export function CsvDownload({ fileName, header, rows }: { fileName: string; header: string[]; rows: (string | number)[][] }) {
  const { t } = useTranslation();
  const download = () => {
    // A byte-order mark, so that spreadsheet programs read the names as UTF-8.
    const blob = new Blob(['\ufeff', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Button
      size="xs"
      variant="default"
      leftSection={<IconDownload size={14} aria-hidden />}
      onClick={download}
      disabled={rows.length === 0}
    >
      {t('analytics.csv')}
    </Button>
  );
}
