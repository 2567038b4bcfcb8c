// The route table of the app. Every page is its own chunk, so the sign-in page and the
// kanban load only what they show.
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireSession } from '@/session/RequireSession';
import { LoadingState } from '@/ui/states';
import { loadKanbanPage, loadSignedInShell } from './firstLoad';

const page = <P extends object>(load: () => Promise<{ default: ComponentType<P> }>, props = {} as P) => {
  const Page = lazy(load) as LazyExoticComponent<ComponentType<P>>;
  return (
    <Suspense fallback={<LoadingState />}>
      <Page {...props} />
    </Suspense>
  );
};

const SignedInShell = lazy(loadSignedInShell);

export const router = createBrowserRouter([
  { path: '/login', element: page(() => import('@/pages/auth/LoginPage')) },
  { path: '/signup', element: page(() => import('@/pages/auth/SignupPage')) },
  {
    element: (
      <RequireSession>
        <Suspense fallback={<LoadingState />}>
          <SignedInShell />
        </Suspense>
      </RequireSession>
    ),
    children: [
      { index: true, element: page(() => import('@/pages/DashboardPage')) },
      { path: 'leads', element: page(loadKanbanPage) },
      { path: 'leads/list', element: page(() => import('@/pages/leads/LeadListPage')) },
      { path: 'leads/:leadId', element: page(() => import('@/pages/leads/LeadPage')) },
      { path: 'contacts', element: page(() => import('@/pages/clients/ClientListPage'), { kind: 'contact' }) },
      { path: 'contacts/:id', element: page(() => import('@/pages/clients/ClientPage'), { kind: 'contact' }) },
      { path: 'companies', element: page(() => import('@/pages/clients/ClientListPage'), { kind: 'company' }) },
      { path: 'companies/:id', element: page(() => import('@/pages/clients/ClientPage'), { kind: 'company' }) },
      { path: 'tasks', element: page(() => import('@/pages/tasks/TaskListPage')) },
      { path: 'tasks/calendar', element: page(() => import('@/pages/tasks/TaskCalendarPage')) },
      { path: 'search', element: page(() => import('@/pages/SearchPage')) },
      { path: 'trash', element: page(() => import('@/pages/TrashPage')) },
      { path: 'incoming', element: page(() => import('@/pages/IncomingPage')) },
      { path: 'analytics', element: page(() => import('@/pages/analytics/FunnelPage')) },
      { path: 'analytics/summary', element: page(() => import('@/pages/analytics/SummaryPage')) },
      { path: 'analytics/managers', element: page(() => import('@/pages/analytics/ManagersPage')) },
      { path: 'analytics/events', element: page(() => import('@/pages/analytics/EventLogPage')) },
      {
        path: 'settings',
        element: page(() => import('@/pages/settings/SettingsLayout')),
        // One line per section; its link is in pages/settings/sections.ts.
        children: [
          { index: true, element: page(() => import('@/pages/settings/ProfilePage')) },
          { path: 'pipelines', element: page(() => import('@/pages/settings/PipelinesPage')) },
          { path: 'task-types', element: page(() => import('@/pages/settings/TaskTypesPage')) },
          { path: 'custom-fields', element: page(() => import('@/pages/settings/CustomFieldsPage')) },
          { path: 'users', element: page(() => import('@/pages/settings/UsersPage')) },
          { path: 'roles', element: page(() => import('@/pages/settings/RolesPage')) },
          { path: 'groups', element: page(() => import('@/pages/settings/GroupsPage')) },
          { path: 'account', element: page(() => import('@/pages/settings/AccountPage')) },
          { path: 'login-history', element: page(() => import('@/pages/settings/LoginHistoryPage')) },
          { path: 'usage', element: page(() => import('@/pages/settings/UsagePage')) },
          { path: 'webhooks', element: page(() => import('@/pages/settings/WebhooksPage')) },
          { path: 'api-keys', element: page(() => import('@/pages/settings/ApiKeysPage')) },
          { path: 'automations', element: page(() => import('@/pages/settings/AutomationsPage')) },
          { path: 'import', element: page(() => import('@/pages/settings/ImportPage')) },
          { path: 'forms', element: page(() => import('@/pages/settings/FormsPage')) },
          { path: 'integrations', element: page(() => import('@/pages/settings/WidgetsPage')) },
        ],
      },
      { path: '*', element: page(() => import('@/ui/NotFoundState')) },
    ],
  },
]);
