// The company card: details, its people and leads, tasks and timeline.
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CardLayout } from '@/ui/CardLayout';
import { DeleteButton } from '@/ui/DeleteButton';
import { useErrorMessage } from '@/ui/errors';
import { notifyError, notifySuccess } from '@/ui/notify';
import { ErrorState, LoadingState } from '@/ui/states';
import { CompanyContacts } from '@/features/clients/components/CompanyContacts';
import { RelatedLeads } from '@/features/leads/components/RelatedLeads';
import { EntityTasks } from '@/features/tasks/components/EntityTasks';
import { ActivityFeed } from '@/features/timeline/components/ActivityFeed';
import { CompanyDetailsForm } from '@/features/companies/components/CompanyDetailsForm';
import { useCompany, useDeleteCompany } from '@/features/companies/hooks/useCompanies';

export default function CompanyPage() {
  const { t } = useTranslation();
  const { companyId = '' } = useParams();
  const navigate = useNavigate();
  const company = useCompany(companyId);
  const remove = useDeleteCompany();
  const describe = useErrorMessage();
  if (company.isPending) return <LoadingState />;
  if (company.isError) return <ErrorState error={company.error} onRetry={() => void company.refetch()} page />;
  const entity = { type: 'company' as const, id: company.data.id };
  return (
    <CardLayout
      back={{ to: '/companies', label: t('nav.companies') }}
      title={company.data.name}
      actions={
        <DeleteButton
          name={company.data.name}
          loading={remove.isPending}
          onDelete={() => remove.mutate(company.data, {
            onSuccess: () => { notifySuccess(t('common.deleted')); navigate('/companies'); },
            onError: (e) => notifyError(describe(e)),
          })}
        />
      }
      side={[
        <CompanyDetailsForm key="details" company={company.data} />,
        <CompanyContacts key="contacts" companyId={company.data.id} />,
        <RelatedLeads key="leads" owner={entity} />,
      ]}
      main={[<EntityTasks key="tasks" entity={entity} />, <ActivityFeed key="timeline" entity={entity} />]}
    />
  );
}
