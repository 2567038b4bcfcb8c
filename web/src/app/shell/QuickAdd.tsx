// "Add lead / contact / task" from anywhere: the header's menu and the desktop's buttons open
// the same create dialogs, each loaded only when first opened.
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { ActionIcon, Menu } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QuickAddContext, useQuickAdd, type QuickAddKind } from '@/ui/quickAdd';

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

export function QuickAddMenu() {
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
