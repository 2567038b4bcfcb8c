// "Add lead / contact / task" from anywhere: the header's menu (HeaderMenus.tsx) and the desktop's
// buttons open the same create dialogs, each loaded only when first opened.
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { QuickAddContext, type QuickAddKind } from '@/ui/quickAdd';

const CreateLeadModal = lazy(() => import('@/features/leads/components/CreateLeadModal'));
const CreateClientModal = lazy(() => import('@/features/clients/components/CreateClientModal'));
const TaskFormModal = lazy(() => import('@/features/tasks/components/TaskFormModal'));

export function QuickAddProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<QuickAddKind | null>(null);
  const close = useMemo(() => () => setOpen(null), []);
  return (
    <QuickAddContext.Provider value={setOpen}>
      {children}
      <Suspense fallback={null}>
        {open === 'lead' && <CreateLeadModal opened onClose={close} />}
        {(open === 'contact' || open === 'company') && <CreateClientModal key={open} kind={open} opened onClose={close} />}
        {open === 'task' && <TaskFormModal opened onClose={close} />}
      </Suspense>
    </QuickAddContext.Provider>
  );
}
