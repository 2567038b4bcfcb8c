import { Button } from '@mantine/core';
import { IconLayoutKanban, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Kanban or list: two views of the same leads. */
export function LeadsViewSwitch({ active }: { active: 'kanban' | 'list' }) {
  const { t } = useTranslation();
  return (
    <Button.Group>
      <Button
        component={Link}
        to="/leads"
        size="xs"
        variant={active === 'kanban' ? 'filled' : 'default'}
        leftSection={<IconLayoutKanban size={14} aria-hidden />}
        aria-current={active === 'kanban' ? 'page' : undefined}
      >
        {t('leads.kanban')}
      </Button>
      <Button
        component={Link}
        to="/leads/list"
        size="xs"
        variant={active === 'list' ? 'filled' : 'default'}
        leftSection={<IconList size={14} aria-hidden />}
        aria-current={active === 'list' ? 'page' : undefined}
      >
        {t('leads.list')}
      </Button>
    </Button.Group>
  );
}
