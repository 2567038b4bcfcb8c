import { IconCalendarWeek, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ViewSwitch } from '@/ui/ViewSwitch';

/** List or week calendar: two views of the same tasks. */
export function TasksViewSwitch({ active }: { active: 'list' | 'calendar' }) {
  const { t } = useTranslation();
  const views = [
    { to: '/tasks', label: t('tasks.listView'), icon: <IconList size={14} aria-hidden /> },
    { to: '/tasks/calendar', label: t('tasks.weekView'), icon: <IconCalendarWeek size={14} aria-hidden /> },
  ];
  return <ViewSwitch views={views} active={active === 'list' ? '/tasks' : '/tasks/calendar'} />;
}
