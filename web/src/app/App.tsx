import { lazy, Suspense, useEffect } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { setTokenSource } from '@/api/client';
import { getIdToken, getSession, signOut, subscribe } from '@/session/session';
import { queryClient } from './queryClient';
import { router } from './routes';
import { cssVariablesResolver, theme } from './theme';

// The toasts' component (with its transitions) loads after the first page; showing one
// only needs the small store that the pages import.
// Every API call carries the signed-in user's token; a token the API keeps refusing signs out.
setTokenSource({ getToken: getIdToken, onRejected: signOut });

const Notifications = lazy(() => import('@mantine/notifications').then((m) => ({ default: m.Notifications })));

/** Forgets every cached answer when the user signs out, so the next user sees none of it. */
function useClearCacheOnSignOut() {
  useEffect(
    () =>
      subscribe(() => {
        if (!getSession()) queryClient.clear();
      }),
    [],
  );
}

export function App() {
  useClearCacheOnSignOut();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Suspense fallback={null}>
        {/* Bottom right: a toast at the top covered the header's buttons. */}
        <Notifications position="bottom-right" />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
