import { useTranslation } from 'react-i18next';
import { useQuickAdd } from '@/app/shell/QuickAdd';
import type { Company } from '@/api/types';
import { ClientList } from '@/features/clients/components/ClientList';
import { useUserNames } from '@/reference/useUsers';
import { useCompanyList } from '@/features/companies/hooks/useCompanies';

export default function CompanyListPage() {
  const { t } = useTranslation();
  const openQuickAdd = useQuickAdd();
  const userName = useUserNames();
  return (
    <ClientList<Company>
      title={t('nav.companies')}
      addLabel={t('companies.add')}
      onAdd={() => openQuickAdd('company')}
      tagEntity="companies"
      basePath="/companies"
      useList={useCompanyList}
      columns={[
        { header: t('fields.phone'), render: (c) => c.phones[0]?.value ?? '—' },
        { header: t('fields.website'), render: (c) => c.website ?? '—' },
        { header: t('fields.responsible'), render: (c) => userName(c.responsibleUserId) },
      ]}
    />
  );
}
