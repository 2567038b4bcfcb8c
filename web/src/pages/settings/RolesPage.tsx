import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RoleEditor } from '@/features/admin-users/components/RoleEditor';
import { useCreateRole, useRoles } from '@/features/admin-users/hooks/useAdmin';
import { useErrorMessage } from '@/ui/errors';
import { notifyError } from '@/ui/notify';
import { ErrorState, LoadingState } from '@/ui/states';

export default function RolesPage() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const roles = useRoles();
  const create = useCreateRole();
  if (roles.error) return <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />;
  if (!roles.data) return <LoadingState />;
  // A new role starts as a manager's rights, to be adjusted in its matrix.
  const manager = roles.data.find((r) => r.id === 'manager')!;
  const add = async () => {
    try {
      await create.mutateAsync({ name: t('admin.roles.newName', { n: roles.data.length - 1 }), rights: manager.rights });
    } catch (e) {
      notifyError(message(e));
    }
  };
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('admin.roles.title')}
        </Title>
        <Button loading={create.isPending} onClick={() => void add()}>
          {t('admin.roles.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('admin.roles.hint')}
      </Text>
      {roles.data.map((role) => (
        <RoleEditor key={`${role.id}:${role.version}`} role={role} />
      ))}
    </Stack>
  );
}
