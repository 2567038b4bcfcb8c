import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUsers } from './useUsers';

/** Picks the user responsible for a lead, contact, company or task. */
export function ResponsibleSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const users = useUsers();
  const data = (users.data ?? []).filter((u) => u.active !== false).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select
      label={t('fields.responsible')}
      searchable
      data={data}
      disabled={users.isPending}
      allowDeselect={Boolean(props.clearable)}
      {...props}
    />
  );
}
