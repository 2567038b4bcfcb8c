import { Button } from '@mantine/core';
import { IconCalendarWeek, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function TasksViewSwitch({ active }: { active: 'list' | 'calendar' }) {
  const { t } = useTranslation();
  return (
    <Button.Group>
      <Button
        component={Link}
        to="/tasks"
        size="xs"
        variant={active === 'list' ? 'filled' : 'default'}
        leftSection={<IconList size={14} aria-hidden />}
        aria-current={active === 'list' ? 'page' : undefined}
      >
        {t('tasks.listView')}
      </Button>
      <Button
        component={Link}
        to="/tasks/calendar"
        size="xs"
        variant={active === 'calendar' ? 'filled' : 'default'}
        leftSection={<IconCalendarWeek size={14} aria-hidden />}
        aria-current={active === 'calendar' ? 'page' : undefined}
      >
        {t('tasks.weekView')}
      </Button>
    </Button.Group>
  );
}
