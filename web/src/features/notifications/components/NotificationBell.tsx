// The header's bell: the unread count, the latest notifications with links to their records,
// mark one or all read, and a switch-on for browser notifications.
import { useCallback, useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useBrowserNotifications,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  type NotificationItem,
} from '@/features/notifications/hooks/useNotifications';

type Named = { name?: string; text?: string; entity?: { type: string; id: string } | null };

/** Where a notification leads: the lead, or the record a due task is about, else the task list. */
function linkOf(n: NotificationItem): string {
  const { entity, data } = n.event;
  if (entity.type === 'lead') return `/leads/${entity.id}`;
  const task = (data as { task?: Named }).task;
  const about = task?.entity;
  if (about?.type === 'lead') return `/leads/${about.id}`;
  if (about?.type === 'contact') return `/contacts/${about.id}`;
  if (about?.type === 'company') return `/companies/${about.id}`;
  return '/tasks';
}

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState(false);
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'denied' : Notification.permission));

  const describe = useCallback(
    (n: NotificationItem) => {
      const data = n.event.data as { task?: Named; lead?: Named; incoming?: Named };
      const subject = data.task?.text ?? data.lead?.name ?? data.incoming?.name ?? '';
      return t(`notifications.types.${n.type}`, { subject });
    },
    [t],
  );
  useBrowserNotifications(list.data?.items, describe);

  const unread = list.data?.unreadCount ?? 0;
  const items = list.data?.items ?? [];
  const when = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md">
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          size="lg"
          aria-label={t('notifications.bell', { count: unread })}
          data-testid="notification-bell"
          onClick={() => setOpened((o) => !o)}
        >
          <Indicator label={unread > 99 ? '99+' : unread} size={16} color="red" disabled={unread === 0} offset={2}>
            <IconBell size={20} aria-hidden />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} onClick={() => markAll.mutate()}>
            {t('notifications.readAll')}
          </Button>
        </Group>
        {permission === 'default' && (
          <Button size="compact-xs" variant="light" mb="xs" onClick={() => void Notification.requestPermission().then(setPermission)}>
            {t('notifications.enableBrowser')}
          </Button>
        )}
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notifications.empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((n) => (
                <li key={n.id} data-read={n.read ? 'true' : 'false'}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Anchor
                      component={Link}
                      to={linkOf(n)}
                      size="sm"
                      fw={n.read ? 400 : 600}
                      style={{ flex: 1 }}
                      onClick={() => {
                        if (!n.read) markRead.mutate(n.id);
                        setOpened(false);
                      }}
                    >
                      {describe(n)}
                      <Text span size="xs" c="dimmed" display="block">
                        {when(n.at)}
                      </Text>
                    </Anchor>
                    {!n.read && (
                      <UnstyledButton fz="xs" c="blue.8" onClick={() => markRead.mutate(n.id)}>
                        {t('notifications.markRead')}
                      </UnstyledButton>
                    )}
                  </Group>
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
