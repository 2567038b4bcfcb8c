import { useState } from 'react';
import { Badge, Button, Group, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '@/api/types';
import { useErrorMessage } from '@/ui/errors';
import { notifyError, notifySuccess } from '@/ui/notify';
import { useDeactivateUser, usePatchUser } from '@/features/admin-users/hooks/useAdmin';

interface Props {
  users: User[];
  meId: string;
  roles: { value: string; label: string }[];
  groups: { value: string; label: string }[];
}

/** The account's users: role and group changed in place, deactivated and reactivated. */
export function UsersTable({ users, meId, roles, groups }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const patch = usePatchUser();
  const deactivate = useDeactivateUser();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (id: string, action: () => Promise<unknown>, done: string) => {
    setBusy(id);
    try {
      await action();
      notifySuccess(done);
    } catch (e) {
      notifyError(message(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('admin.users.name')}</Table.Th>
          <Table.Th>{t('admin.users.role')}</Table.Th>
          <Table.Th>{t('admin.users.group')}</Table.Th>
          <Table.Th>{t('admin.users.status')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('admin.users.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((u) => (
          <Table.Tr key={u.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {u.name}
              </Text>
              <Text size="xs" c="dimmed">
                {u.email}
              </Text>
            </Table.Td>
            <Table.Td>
              <Select
                size="xs"
                aria-label={t('admin.users.roleOf', { name: u.name })}
                data={roles}
                value={u.role}
                allowDeselect={false}
                disabled={u.id === meId || busy === u.id}
                onChange={(role) =>
                  role && void run(u.id, () => patch.mutateAsync({ id: u.id, patch: { role }, version: u.version }), t('common.saved'))
                }
              />
            </Table.Td>
            <Table.Td>
              <Select
                size="xs"
                aria-label={t('admin.users.groupOf', { name: u.name })}
                data={groups}
                value={u.groupId}
                clearable
                placeholder={t('admin.users.noGroup')}
                disabled={busy === u.id}
                onChange={(groupId) =>
                  void run(u.id, () => patch.mutateAsync({ id: u.id, patch: { groupId }, version: u.version }), t('common.saved'))
                }
              />
            </Table.Td>
            <Table.Td>
              <Badge color={u.active ? 'teal.9' : 'gray.7'} variant="filled">
                {u.active ? t('admin.users.active') : t('admin.users.inactive')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group justify="flex-end">
                {u.id !== meId &&
                  (u.active ? (
                    <Button
                      size="xs"
                      variant="default"
                      loading={busy === u.id}
                      aria-label={t('admin.users.deactivateNamed', { name: u.name })}
                      onClick={() => void run(u.id, () => deactivate.mutateAsync(u.id), t('admin.users.deactivated'))}
                    >
                      {t('admin.users.deactivate')}
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      loading={busy === u.id}
                      aria-label={t('admin.users.reactivateNamed', { name: u.name })}
                      onClick={() =>
                        void run(
                          u.id,
                          () => patch.mutateAsync({ id: u.id, patch: { active: true }, version: u.version }),
                          t('admin.users.reactivated'),
                        )
                      }
                    >
                      {t('admin.users.reactivate')}
                    </Button>
                  ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
