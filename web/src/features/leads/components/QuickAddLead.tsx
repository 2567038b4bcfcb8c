// "Quick add" at the top of a column: the link that opens the form (QuickAddLeadForm.tsx), which
// loads on first use so the board's first load carries no form library.
import { lazy, Suspense, useState } from 'react';
import { Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const QuickAddLeadForm = lazy(() => import('./QuickAddLeadForm'));

export function QuickAddLead({ pipelineId, stageId }: { pipelineId: string; stageId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (open) {
    return (
      <Suspense fallback={null}>
        <QuickAddLeadForm pipelineId={pipelineId} stageId={stageId} onClose={() => setOpen(false)} />
      </Suspense>
    );
  }
  return (
    <UnstyledButton onClick={() => setOpen(true)} px={10} py={6}>
      <Text size="sm" c="blue.8">
        + {t('leads.quickAdd')}
      </Text>
    </UnstyledButton>
  );
}
