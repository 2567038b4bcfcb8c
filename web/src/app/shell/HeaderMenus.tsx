// The header's menus: quick add, the notifications bell and the user's menu. A chunk of their own
// (Menu, ScrollArea, the notifications list), loaded by the shell as it renders, so the board's first
// load carries only the header's frame.
import { ActionIcon, Group, Menu } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@/api/types';
import { useQuickAdd } from '@/ui/quickAdd';
import { NotificationBell } from '@/features/notifications/components/NotificationBell';
import { UserMenu } from './UserMenu';

function QuickAddMenu() {
  const { t } = useTranslation();
  const openQuickAdd = useQuickAdd();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon variant="filled" size="lg" radius="xl" aria-label={t('quickAdd.title')}>
          <IconPlus size={20} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => openQuickAdd('lead')}>{t('quickAdd.lead')}</Menu.Item>
        <Menu.Item onClick={() => openQuickAdd('contact')}>{t('quickAdd.contact')}</Menu.Item>
        <Menu.Item onClick={() => openQuickAdd('company')}>{t('quickAdd.company')}</Menu.Item>
        <Menu.Item onClick={() => openQuickAdd('task')}>{t('quickAdd.task')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export default function HeaderMenus({ me }: { me: Me }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <QuickAddMenu />
      <NotificationBell />
      <UserMenu me={me} />
    </Group>
  );
}
