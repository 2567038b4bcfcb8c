import { Select, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleRecord } from '@/api/types';

type Rights = RoleRecord['rights'];
const ENTITIES = ['leads', 'contacts', 'companies', 'tasks'] as const;
const ACTIONS = ['view', 'edit', 'delete', 'export'] as const;
const SCOPES = ['none', 'own', 'group', 'all'] as const;

/** The contract's matrix: entity type x action, each a scope. Read-only for the built-in roles. */
export function RightsMatrix({ rights, onChange, readOnly }: { rights: Rights; onChange?: (next: Rights) => void; readOnly?: boolean }) {
  const { t } = useTranslation();
  const scopes = SCOPES.map((s) => ({ value: s, label: t(`admin.roles.scope.${s}`) }));
  return (
    <Table withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('admin.roles.entity')}</Table.Th>
          {ACTIONS.map((a) => (
            <Table.Th key={a}>{t(`admin.roles.action.${a}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ENTITIES.map((e) => (
          <Table.Tr key={e}>
            <Table.Th scope="row">{t(`admin.roles.entities.${e}`)}</Table.Th>
            {ACTIONS.map((a) => (
              <Table.Td key={a}>
                <Select
                  size="xs"
                  aria-label={`${t(`admin.roles.entities.${e}`)}: ${t(`admin.roles.action.${a}`)}`}
                  data={scopes}
                  value={rights[e][a]}
                  allowDeselect={false}
                  disabled={readOnly}
                  onChange={(v) => v && onChange?.({ ...rights, [e]: { ...rights[e], [a]: v } })}
                />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
