import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleRecord } from '@/api/types';
import { useErrorMessage } from '@/ui/errors';
import { notifyError, notifySuccess } from '@/ui/notify';
import { useDeleteRole, usePatchRole } from '@/features/admin-users/hooks/useAdmin';
import { RightsMatrix } from './RightsMatrix';
import { roleLabel } from './roleLabel';

/** One role: its name and matrix, saved together; a built-in role is shown as it is. */
export function RoleEditor({ role }: { role: RoleRecord }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [name, setName] = useState(role.name);
  const [rights, setRights] = useState(role.rights);
  const patch = usePatchRole();
  const remove = useDeleteRole();
  const changed = name !== role.name || JSON.stringify(rights) !== JSON.stringify(role.rights);
  const save = async () => {
    try {
      await patch.mutateAsync({ id: role.id, patch: { name: name.trim(), rights }, version: role.version });
      notifySuccess(t('common.saved'));
    } catch (e) {
      notifyError(message(e));
    }
  };
  const destroy = async () => {
    try {
      await remove.mutateAsync(role.id);
      notifySuccess(t('admin.roles.deleted'));
    } catch (e) {
      notifyError(message(e));
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-label={roleLabel(t, role)}>
      <Stack gap="sm">
        {role.builtIn ? (
          <Group gap="xs">
            <Title order={3} size="h5">
              {roleLabel(t, role)}
            </Title>
            <Text size="xs" c="dimmed">
              {t('admin.roles.builtIn')}
            </Text>
          </Group>
        ) : (
          <TextInput label={t('admin.roles.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maw={320} />
        )}
        <RightsMatrix rights={rights} onChange={setRights} readOnly={role.builtIn} />
        {!role.builtIn && (
          <Group justify="flex-end">
            <Button variant="default" loading={remove.isPending} onClick={() => void destroy()}>
              {t('common.delete')}
            </Button>
            <Button disabled={!changed || !name.trim()} loading={patch.isPending} onClick={() => void save()}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
