// The route table of the app. Every page is its own chunk, so the sign-in page and the
// kanban load only what they show.
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireSession } from '../features/auth/components/RequireSession';
import { LoadingState } from '../ui/states';

const page = (load: () => Promise<{ default: ComponentType }>) => {
  const Page: LazyExoticComponent<ComponentType> = lazy(load);
  return (
    <Suspense fallback={<LoadingState />}>
      <Page />
    </Suspense>
  );
};

const SignedInShell = lazy(() => import('./shell/SignedInShell'));

export const router = createBrowserRouter([
  { path: '/login', element: page(() => import('../features/auth/components/LoginPage')) },
  { path: '/signup', element: page(() => import('../features/auth/components/SignupPage')) },
  {
    element: (
      <RequireSession>
        <Suspense fallback={<LoadingState />}>
          <SignedInShell />
        </Suspense>
      </RequireSession>
    ),
    children: [
      { index: true, element: page(() => import('../features/dashboard/DashboardPage')) },
      { path: 'leads', element: page(() => import('../features/leads/pages/KanbanPage')) },
      { path: 'leads/list', element: page(() => import('../features/leads/pages/LeadListPage')) },
      { path: 'leads/:leadId', element: page(() => import('../features/leads/pages/LeadPage')) },
      { path: 'contacts', element: page(() => import('../features/contacts/pages/ContactListPage')) },
      { path: 'contacts/:contactId', element: page(() => import('../features/contacts/pages/ContactPage')) },
      { path: 'companies', element: page(() => import('../features/companies/pages/CompanyListPage')) },
      { path: 'companies/:companyId', element: page(() => import('../features/companies/pages/CompanyPage')) },
      { path: 'tasks', element: page(() => import('../features/tasks/pages/TaskListPage')) },
      { path: 'tasks/calendar', element: page(() => import('../features/tasks/pages/TaskCalendarPage')) },
      { path: 'search', element: page(() => import('../features/search/SearchPage')) },
      { path: 'settings', element: page(() => import('../features/settings/SettingsPage')) },
      { path: '*', element: page(() => import('../ui/NotFoundState')) },
    ],
  },
]);
