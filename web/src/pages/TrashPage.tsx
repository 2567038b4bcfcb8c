import { useTranslation } from 'react-i18next';
import { TrashList } from '@/features/trash/components/TrashList';
import { PageHeader } from '@/ui/PageHeader';

export default function TrashPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('trash.title')} />
      <TrashList />
    </>
  );
}
