// Create a task, or edit and reschedule one: text, type, due date and time, responsible.
import type { FieldError } from '@/lib/problem';
import { useState } from 'react';
import { Modal, Select, Stack, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { EntityRef, Task, TaskInput } from '@/api/types';
import { isoToWallClock, nextHourWallClock, wallClockToIso } from '@/lib/dates';
import { applyFieldErrors } from '@/ui/errors';
import { notifySuccess } from '@/ui/notify';
import { SaveError } from '@/ui/SaveError';
import { useFormat } from '@/session/useFormat';
import { ResponsibleSelect } from '@/reference/ResponsibleSelect';
import { useCreateTask, useTaskTypes, useUpdateTask } from '@/features/tasks/hooks/useTasks';
import { FormActions } from '@/ui/FormActions';
import { RecordPicker } from './RecordPicker';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Edit this task; without it a new task is made. */
  task?: Task;
  /** The lead, contact or company the new task is about. */
  entity?: EntityRef;
}

export default function TaskFormModal({ opened, onClose, task, entity }: Props) {
  const { t } = useTranslation();
  const { timeZone } = useFormat();
  const types = useTaskTypes();
  const create = useCreateTask();
  const update = useUpdateTask();
  const mutation = task ? update : create;
  const [extra, setExtra] = useState<FieldError[]>([]);
  /** Picked in the form when the task is made from the Tasks page or the header's "+". */
  const [linked, setLinked] = useState<(EntityRef & { name: string }) | null>(null);
  const form = useForm({
    initialValues: {
      text: task?.text ?? '',
      typeId: task?.typeId ?? (null as string | null),
      dueAt: task ? isoToWallClock(task.dueAt, timeZone) : nextHourWallClock(timeZone),
      responsibleUserId: task?.responsibleUserId ?? (null as string | null),
    },
    validate: {
      text: (v) => (v.trim() ? null : t('common.required')),
      dueAt: (v) => (v ? null : t('common.required')),
    },
  });

  const submit = form.onSubmit(async (v) => {
    const body: TaskInput = {
      text: v.text.trim(),
      dueAt: wallClockToIso(v.dueAt, timeZone),
      typeId: v.typeId ?? types.data?.[0]?.id,
      responsibleUserId: v.responsibleUserId ?? undefined,
    };
    try {
      if (task) await update.mutateAsync({ task, patch: body });
      else {
        const about = entity ?? (linked && { type: linked.type, id: linked.id });
        await create.mutateAsync(about ? { ...body, entity: about } : body);
      }
      notifySuccess(task ? t('common.saved') : t('tasks.created'));
      onClose();
    } catch (e) {
      setExtra(applyFieldErrors(form, e));
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={task ? t('tasks.editTask') : t('tasks.newTask')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SaveError error={mutation.error} extra={extra} onReload={onClose} />
          <Select
            label={t('tasks.type')}
            data={(types.data ?? []).map((type) => ({ value: type.id, label: type.name }))}
            placeholder={types.data?.[0]?.name}
            {...form.getInputProps('typeId')}
          />
          <Textarea label={t('tasks.text')} required autosize minRows={2} data-autofocus {...form.getInputProps('text')} />
          <DateTimePicker
            label={t('tasks.dueAt')}
            description={timeZone}
            required
            valueFormat="DD MMM YYYY HH:mm"
            firstDayOfWeek={1}
            {...form.getInputProps('dueAt')}
          />
          {!task && !entity && <RecordPicker value={linked} onChange={setLinked} />}
          <ResponsibleSelect placeholder={t('fields.me')} clearable {...form.getInputProps('responsibleUserId')} />
          <FormActions submitLabel={task ? t('common.save') : t('common.create')} saving={mutation.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
