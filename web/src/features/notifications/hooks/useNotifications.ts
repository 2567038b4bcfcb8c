// The signed-in user's notifications: polled, so the bell changes without a reload (live
// updates over a WebSocket come later), and a browser notification for each new one when allowed.
import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';

/** How often the bell asks for news. */
const POLL_MS = 5_000;
const key = ['notifications'] as const;

export type NotificationItem = Awaited<ReturnType<typeof api.notifications.list>>['items'][number];

export function useNotifications() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.notifications.list({ limit: 20 }, { signal }),
    refetchInterval: POLL_MS,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.notifications.read({ id }),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.notifications.readAll(),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** Shows a browser notification for each unread one that arrives after the page opened, if the user allowed them. */
export function useBrowserNotifications(items: NotificationItem[] | undefined, describe: (n: NotificationItem) => string) {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!items) return;
    const first = seen.current === null;
    seen.current ??= new Set();
    for (const n of items) {
      if (seen.current.has(n.id)) continue;
      seen.current.add(n.id);
      if (!first && !n.read && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        new Notification('CRM', { body: describe(n), tag: n.id });
      }
    }
  }, [items, describe]);
}
