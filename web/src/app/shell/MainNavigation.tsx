import { NavLink as MantineNavLink, Stack } from '@mantine/core';
import {
  IconAddressBook, IconBuildingSkyscraper, IconChecklist, IconLayoutDashboard, IconLayoutKanban, IconSettings,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';

const ITEMS = [
  { to: '/', label: 'nav.desktop', icon: IconLayoutDashboard, exact: true },
  { to: '/leads', label: 'nav.leads', icon: IconLayoutKanban },
  { to: '/contacts', label: 'nav.contacts', icon: IconAddressBook },
  { to: '/companies', label: 'nav.companies', icon: IconBuildingSkyscraper },
  { to: '/tasks', label: 'nav.tasks', icon: IconChecklist },
  { to: '/settings', label: 'nav.settings', icon: IconSettings },
] as const;

export function MainNavigation() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack component="nav" gap={2}>
      {ITEMS.map(({ to, label, icon: Icon, ...rest }) => {
        const active = 'exact' in rest ? pathname === to : pathname.startsWith(to);
        return (
          <MantineNavLink
            key={to}
            component={NavLink}
            to={to}
            label={t(label)}
            leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
            active={active}
            aria-current={active ? 'page' : undefined}
          />
        );
      })}
    </Stack>
  );
}
