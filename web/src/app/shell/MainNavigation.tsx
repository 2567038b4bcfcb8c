import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import {
  IconAddressBook,
  IconBuildingSkyscraper,
  IconChartBar,
  IconChecklist,
  IconInbox,
  IconLayoutDashboard,
  IconLayoutKanban,
  IconSettings,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useRights } from '@/session/useMe';
import classes from './MainNavigation.module.css';

const ITEMS = [
  { to: '/', label: 'nav.desktop', icon: IconLayoutDashboard, end: true },
  { to: '/leads', label: 'nav.leads', icon: IconLayoutKanban, end: false },
  { to: '/incoming', label: 'incoming.title', icon: IconInbox, end: false },
  { to: '/contacts', label: 'nav.contacts', icon: IconAddressBook, end: false },
  { to: '/companies', label: 'nav.companies', icon: IconBuildingSkyscraper, end: false },
  { to: '/tasks', label: 'nav.tasks', icon: IconChecklist, end: false },
  { to: '/analytics', label: 'nav.analytics', icon: IconChartBar, end: false },
  { to: '/settings', label: 'nav.settings', icon: IconSettings, end: false },
  // Only for those who may delete leads, contacts or companies (the trash holds those; the API refuses the list anyway).
  { to: '/trash', label: 'trash.title', icon: IconTrash, end: false, deleters: true },
] as const;

export function MainNavigation() {
  const { t } = useTranslation();
  const rights = useRights();
  const items = ITEMS.filter((item) => !('deleters' in item) || rights.mayAny('delete', ['leads', 'contacts', 'companies']));
  return (
    <Stack component="nav" gap={2} aria-label={t('nav.main')}>
      {items.map(({ to, label, icon: Icon, end }) => (
        <UnstyledButton key={to} component={NavLink} to={to} end={end} className={classes.link}>
          <Group gap="sm" wrap="nowrap">
            <Icon size={18} stroke={1.6} aria-hidden />
            <Text size="sm" fw={500} inherit>
              {t(label)}
            </Text>
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
