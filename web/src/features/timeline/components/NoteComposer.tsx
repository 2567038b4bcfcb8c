import { useState } from 'react';
import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntityRef, NoteType } from '@/api/types';
import { FormError } from '@/ui/FormError';
import { useAddNote } from '@/features/timeline/hooks/useTimeline';

const NOTE_TYPES: NoteType[] = ['common', 'call_in', 'call_out', 'sms', 'email'];

export function NoteComposer({ entity }: { entity: EntityRef }) {
  const { t } = useTranslation();
  const addNote = useAddNote(entity);
  const [text, setText] = useState('');
  const [type, setType] = useState<NoteType>('common');
  const submit = async () => {
    if (!text.trim()) return;
    await addNote.mutateAsync({ text: text.trim(), type });
    setText('');
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit().catch(() => {});
      }}
    >
      <Stack gap={6}>
        <FormError error={addNote.error} />
        <Textarea
          aria-label={t('notes.text')}
          placeholder={t('notes.placeholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
        />
        <Group justify="space-between">
          <Select
            size="xs"
            w={170}
            aria-label={t('notes.type')}
            data={NOTE_TYPES.map((n) => ({ value: n, label: t(`notes.types.${n}`) }))}
            value={type}
            onChange={(v) => v && setType(v as NoteType)}
            allowDeselect={false}
          />
          <Button size="xs" type="submit" loading={addNote.isPending} disabled={!text.trim()}>
            {t('notes.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
