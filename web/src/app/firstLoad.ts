// A signed-in first load asks for everything the page needs at once, as the app starts: the shell's
// and the route's code, /me, and the page's data. Left to React, each step waited for the one
// before (shell code -> /me -> page code -> pipelines -> columns), one round trip each.
import type { QueryClient } from '@tanstack/react-query';
import { loadConfig } from '@/api/config';
import { meQuery } from '@/session/useMe';
import { getSession } from '@/session/session';
import { usersQuery } from '@/reference/useUsers';
import { prefetchBoard } from '@/features/leads/hooks/prefetchBoard';

// The route table loads these same modules, so the chunks asked for here are the ones it renders.
export const loadSignedInShell = () => import('@/app/shell/SignedInShell');
export const loadKanbanPage = () => import('@/pages/leads/KanbanPage');

/** For `npm run bench`'s baseline: `localStorage['crm.firstLoad'] = 'off'` leaves the loading to the components. */
const disabled = () => localStorage.getItem('crm.firstLoad') === 'off';

export function startFirstLoad(qc: QueryClient, { pathname, search } = window.location): void {
  // index.html preloads it; read at once, so the sign-in page uses it too.
  const config = loadConfig().catch(() => {}); // a page that needs it shows the failure
  if (!getSession() || disabled()) return;
  const board = pathname === '/leads';
  void qc.prefetchQuery(meQuery);
  if (board) {
    prefetchBoard(qc, new URLSearchParams(search));
    // The cards name their responsible users.
    void qc.prefetchQuery(usersQuery);
  }
  // The code once the data requests are out: over HTTP/1.1 (the local server) the browser's six
  // connections would otherwise send them after the code's chunks; behind CloudFront (HTTP/2) it is one wave anyway.
  void config.then(() =>
    setTimeout(() => {
      // A chunk that fails to load fails again, visibly, when the route renders it.
      loadSignedInShell().catch(() => {});
      if (board) loadKanbanPage().catch(() => {});
    }),
  );
}
