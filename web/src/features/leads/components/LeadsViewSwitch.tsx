import { IconLayoutKanban, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ViewSwitch } from '@/ui/ViewSwitch';

/** Kanban or list: two views of the same leads. */
export function LeadsViewSwitch({ active }: { active: 'kanban' | 'list' }) {
  const { t } = useTranslation();
  const views = [
    { to: '/leads', label: t('leads.kanban'), icon: <IconLayoutKanban size={14} aria-hidden /> },
    { to: '/leads/list', label: t('leads.list'), icon: <IconList size={14} aria-hidden /> },
  ];
  return <ViewSwitch views={views} active={active === 'kanban' ? '/leads' : '/leads/list'} />;
}
