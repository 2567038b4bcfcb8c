// Upload -> mapping -> progress -> result. The file goes straight to storage through the
// pre-signed URL; the job lives on the server, so a reload (or another device) shows it again.
import { Alert, Button, FileInput, Group, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob, ImportPreview } from '@/api/types';
import { api, uploadToSignedUrl } from '@/api/client';
import { useErrorMessage } from '@/ui/errors';
import { saveFile } from './ExportButton';

type Kind = 'leads' | 'contacts' | 'companies';
const RECENT = ['imports', 'recent'] as const;

export function ImportWizard() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('leads');
  const [file, setFile] = useState<File | null>(null);
  const [draft, setDraft] = useState<{ job: ImportJob; preview: ImportPreview } | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [onDuplicate, setOnDuplicate] = useState<'update' | 'skip' | 'create'>('update');
  const recent = useQuery({ queryKey: RECENT, queryFn: () => api.imports.list({ limit: 10 }) });
  const running = recent.data?.items.find((j) => j.status === 'running' || (j.status === 'queued' && j.processed > 0));
  const [watching, setWatching] = useState<string | null>(null);
  const current = watching ?? running?.id ?? recent.data?.items.find((j) => j.status !== 'queued')?.id ?? null;
  const job = useQuery({
    queryKey: ['imports', current],
    queryFn: () => api.imports.get({ id: current! }),
    enabled: !!current,
    refetchInterval: (q) =>
      q.state.data && (['queued', 'running'].includes(q.state.data.status) || q.state.data.undoStatus === 'running') ? 1000 : false,
  });

  const upload = useMutation({
    mutationFn: async () => {
      const opened = await api.imports.create({ entityType: kind, fileName: file!.name } as never);
      await uploadToSignedUrl(opened.uploadUrl!, file!);
      return { job: opened, preview: await api.imports.preview({ id: opened.id }) };
    },
    onSuccess: (d) => {
      setDraft(d);
      setMapping(Object.fromEntries(Object.entries(d.preview.mapping).filter((e): e is [string, string] => !!e[1])));
    },
  });
  const start = useMutation({
    mutationFn: () => api.imports.start({ id: draft!.job.id }, { mapping, onDuplicate, createMissing: true } as never),
    onSuccess: (started) => {
      setDraft(null);
      setWatching(started.id);
      void queryClient.invalidateQueries({ queryKey: RECENT });
    },
  });
  const failedRows = async (id: string) => saveFile((await api.imports.failedRows({ id })) as unknown as string, `failed-rows-${id}.csv`);
  const undo = useMutation({ mutationFn: (id: string) => api.imports.undo({ id }), onSuccess: () => job.refetch() });
  // The worker stops at its next checkpoint; what it wrote stays, and can be undone.
  const cancel = useMutation({ mutationFn: (id: string) => api.imports.cancel({ id }), onSuccess: () => job.refetch() });

  const shown = job.data;
  const done = shown ? shown.processed : 0;
  const total = shown?.total ?? null;
  return (
    <Stack gap="lg" maw={900}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('imports.title')}
        </Title>
        <Group align="end">
          <Select
            label={t('imports.kind')}
            value={kind}
            onChange={(v) => v && setKind(v as Kind)}
            data={(['leads', 'contacts', 'companies'] as const).map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
            allowDeselect={false}
          />
          <FileInput
            label={t('imports.file')}
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            placeholder={t('imports.choose')}
            w={280}
          />
          <Button onClick={() => upload.mutate()} disabled={!file} loading={upload.isPending}>
            {t('imports.upload')}
          </Button>
        </Group>
        {upload.error && <Alert color="red">{message(upload.error)}</Alert>}
      </Stack>

      {draft && (
        <Stack gap="sm" data-testid="import-mapping">
          <Title order={3} size="h5">
            {t('imports.mapping')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {draft.preview.fields.map((f) => (
              <Select
                key={f.field}
                label={f.field.startsWith('custom.') ? f.label : t(`imports.fields.${f.field}`, { defaultValue: f.label })}
                value={mapping[f.field] ?? null}
                onChange={(v) => setMapping(({ [f.field]: _, ...rest }) => (v ? { ...rest, [f.field]: v } : rest))}
                data={draft.preview.columns}
                placeholder={t('imports.notImported')}
                clearable
              />
            ))}
          </SimpleGrid>
          <Select
            label={t('imports.onDuplicate')}
            value={onDuplicate}
            onChange={(v) => v && setOnDuplicate(v as typeof onDuplicate)}
            data={(['update', 'skip', 'create'] as const).map((v) => ({ value: v, label: t(`imports.duplicates.${v}`) }))}
            allowDeselect={false}
            maw={320}
          />
          <Table.ScrollContainer minWidth={500}>
            <Table withTableBorder fz="xs">
              <Table.Thead>
                <Table.Tr>
                  {draft.preview.columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {draft.preview.rows.slice(0, 5).map((row, i) => (
                  <Table.Tr key={i}>
                    {draft.preview.columns.map((c, j) => (
                      <Table.Td key={c}>{row[j]}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {t('imports.start')}
            </Button>
          </Group>
          {start.error && <Alert color="red">{message(start.error)}</Alert>}
        </Stack>
      )}

      {shown && (
        <Stack gap="xs" data-testid="import-progress">
          <Title order={3} size="h5">
            {shown.fileName} · {t(`imports.status.${shown.status}`)}
          </Title>
          {/* The number of rows is known when the file is read to its end: until then the bar only moves. */}
          <Progress
            value={total ? (100 * done) / total : 100}
            striped={!total && shown.status === 'running'}
            animated={shown.status === 'running'}
            aria-label={t('imports.progress')}
          />
          <Text size="sm">
            {t('imports.counters', {
              processed: shown.processed,
              created: shown.created,
              updated: shown.updated,
              skipped: shown.skipped,
              failed: shown.failed,
            })}
          </Text>
          {shown.errors.length > 0 && (
            <Stack gap={2}>
              {shown.errors.slice(0, 20).map((e) => (
                <Text key={e.row} size="sm" c="red">
                  {t('imports.rowError', { row: e.row, message: e.message })}
                </Text>
              ))}
              <Group>
                <Button variant="default" size="xs" onClick={() => void failedRows(shown.id)}>
                  {t('imports.failedRows')}
                </Button>
              </Group>
            </Stack>
          )}
          {(shown.status === 'queued' || shown.status === 'running') && (
            <Group>
              <Button variant="default" size="xs" onClick={() => cancel.mutate(shown.id)} loading={cancel.isPending}>
                {t('imports.cancel')}
              </Button>
            </Group>
          )}
          {cancel.error && <Alert color="red">{message(cancel.error)}</Alert>}
          {/* A cancelled or failed import may have written rows before it stopped: they can be undone too. */}
          {!['queued', 'running'].includes(shown.status) && shown.created > 0 && !shown.undoStatus && (
            <Group>
              <Button variant="subtle" color="red" size="xs" onClick={() => undo.mutate(shown.id)} loading={undo.isPending}>
                {t('imports.undo')}
              </Button>
            </Group>
          )}
          {undo.error && <Alert color="red">{message(undo.error)}</Alert>}
          {shown.undoStatus === 'running' && (
            <Text size="sm" data-testid="import-undoing">
              {t('imports.undoing', { done: shown.undone })}
            </Text>
          )}
          {shown.undoStatus === 'done' && <Text size="sm">{t('imports.undone')}</Text>}
        </Stack>
      )}
    </Stack>
  );
}
