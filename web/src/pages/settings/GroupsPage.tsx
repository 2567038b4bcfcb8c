import { useState } from 'react';
import { Button, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GroupRow } from '@/features/admin-users/components/GroupRow';
import { useAllUsers, useCreateGroup, useGroups } from '@/features/admin-users/hooks/useAdmin';
import { useErrorMessage } from '@/ui/errors';
import { notifyError } from '@/ui/notify';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';

export default function GroupsPage() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const groups = useGroups();
  const users = useAllUsers();
  const create = useCreateGroup();
  const [name, setName] = useState('');
  const failed = groups.error ?? users.error;
  if (failed) return <ErrorState error={failed} onRetry={() => void Promise.all([groups.refetch(), users.refetch()])} />;
  if (!groups.data || !users.data) return <LoadingState />;
  const userOptions = users.data.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    try {
      await create.mutateAsync({ name: name.trim() });
      setName('');
    } catch (err) {
      notifyError(message(err));
    }
  };
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('admin.groups.title')}
      </Title>
      <form onSubmit={(e) => void add(e)}>
        <Group align="flex-end">
          <TextInput label={t('admin.groups.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            {t('admin.groups.add')}
          </Button>
        </Group>
      </form>
      {groups.data.length === 0 ? (
        <EmptyState>{t('admin.groups.empty')}</EmptyState>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.groups.name')}</Table.Th>
              <Table.Th>{t('admin.groups.head')}</Table.Th>
              <Table.Th>{t('admin.groups.members')}</Table.Th>
              <Table.Th>{t('admin.users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.data.map((g) => (
              <GroupRow
                key={`${g.id}:${g.version}`}
                group={g}
                members={users.data.filter((u) => u.groupId === g.id).length}
                users={userOptions}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
