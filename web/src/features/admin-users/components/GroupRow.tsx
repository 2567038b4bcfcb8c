import { useState } from 'react';
import { Button, Group as Row, Select, Table, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Group } from '@/api/types';
import { useErrorMessage } from '@/ui/errors';
import { notifyError, notifySuccess } from '@/ui/notify';
import { useDeleteGroup, usePatchGroup } from '@/features/admin-users/hooks/useAdmin';

interface Props {
  group: Group;
  members: number;
  users: { value: string; label: string }[];
}

/** A group: renamed and given a head in place, deleted once nobody is in it. */
export function GroupRow({ group, members, users }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [name, setName] = useState(group.name);
  const patch = usePatchGroup();
  const remove = useDeleteGroup();
  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notifySuccess(done);
    } catch (e) {
      notifyError(message(e));
    }
  };
  const rename = () =>
    name.trim() &&
    name !== group.name &&
    act(() => patch.mutateAsync({ id: group.id, patch: { name: name.trim() }, version: group.version }), t('common.saved'));
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={t('admin.groups.nameOf', { name: group.name })}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={() => void rename()}
        />
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          aria-label={t('admin.groups.headOf', { name: group.name })}
          data={users}
          value={group.headUserId}
          clearable
          placeholder={t('admin.groups.noHead')}
          onChange={(headUserId) =>
            void act(() => patch.mutateAsync({ id: group.id, patch: { headUserId }, version: group.version }), t('common.saved'))
          }
        />
      </Table.Td>
      <Table.Td>{members}</Table.Td>
      <Table.Td>
        <Row justify="flex-end">
          <Button
            size="xs"
            variant="default"
            aria-label={t('admin.groups.deleteNamed', { name: group.name })}
            onClick={() => void act(() => remove.mutateAsync(group.id), t('admin.groups.deleted'))}
          >
            {t('common.delete')}
          </Button>
        </Row>
      </Table.Td>
    </Table.Tr>
  );
}
