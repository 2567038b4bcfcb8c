import { useState } from 'react';
import { Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InviteUserModal } from '@/features/admin-users/components/InviteUserModal';
import { roleLabel } from '@/features/admin-users/components/roleLabel';
import { UsersTable } from '@/features/admin-users/components/UsersTable';
import { useAllUsers, useGroups, useRoles } from '@/features/admin-users/hooks/useAdmin';
import { useAccount } from '@/session/useMe';
import { ErrorState, LoadingState } from '@/ui/states';

export default function UsersPage() {
  const { t } = useTranslation();
  const { user } = useAccount();
  const users = useAllUsers();
  const roles = useRoles();
  const groups = useGroups();
  const [inviting, setInviting] = useState(false);
  const failed = users.error ?? roles.error ?? groups.error;
  if (failed) return <ErrorState error={failed} onRetry={() => void Promise.all([users.refetch(), roles.refetch(), groups.refetch()])} />;
  if (!users.data || !roles.data || !groups.data) return <LoadingState />;
  const roleOptions = roles.data.map((r) => ({ value: r.id, label: roleLabel(t, r) }));
  const groupOptions = groups.data.map((g) => ({ value: g.id, label: g.name }));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('admin.users.title')}
        </Title>
        <Button onClick={() => setInviting(true)}>{t('admin.users.invite')}</Button>
      </Group>
      <UsersTable users={users.data} meId={user.id} roles={roleOptions} groups={groupOptions} />
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} roles={roleOptions} groups={groupOptions} />
    </Stack>
  );
}
