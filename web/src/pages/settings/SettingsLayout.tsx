// Settings: a column of sections on the left, the chosen section on the right.
import { Box, Group, NavLink as MantineNavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useRights } from '@/session/useMe';
import { PageHeader } from '@/ui/PageHeader';
import { SETTINGS_SECTIONS } from './sections';

export default function SettingsLayout() {
  const { t } = useTranslation();
  const rights = useRights();
  const sections = SETTINGS_SECTIONS.filter(
    (section) =>
      (!section.adminOnly || rights.admin) && (!section.needs || rights.mayAny(section.needs, ['leads', 'contacts', 'companies'])),
  );
  return (
    <>
      <PageHeader title={t('nav.settings')} />
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Stack component="nav" gap={2} w={220} aria-label={t('settings.sections')} style={{ flexShrink: 0 }}>
          {sections.map((section) => (
            <MantineNavLink
              key={section.path}
              component={NavLink}
              to={section.path ? `/settings/${section.path}` : '/settings'}
              end={!section.path}
              label={t(section.label)}
            />
          ))}
        </Stack>
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Outlet />
        </Box>
      </Group>
    </>
  );
}
