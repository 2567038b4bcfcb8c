// The card of a contact or company: details (and a company's people), their leads, tasks and timeline.
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ClientKind } from '@/api/clients';
import { ClientDetailsForm } from '@/features/clients/components/ClientDetailsForm';
import { CompanyContacts } from '@/features/clients/components/CompanyContacts';
import { CLIENT_KINDS } from '@/features/clients/kinds';
import { RelatedLeads } from '@/features/leads/components/RelatedLeads';
import { EntityTasks } from '@/features/tasks/components/EntityTasks';
import { ActivityFeed } from '@/features/timeline/components/ActivityFeed';
import { WidgetActions } from '@/features/widgets/components/WidgetActions';
import { CardLayout } from '@/ui/CardLayout';
import { DeleteButton } from '@/ui/DeleteButton';
import { useErrorMessage } from '@/ui/errors';
import { notifyError, notifySuccess } from '@/ui/notify';
import { ErrorState, LoadingState } from '@/ui/states';

export default function ClientPage({ kind }: { kind: ClientKind }) {
  const { t } = useTranslation();
  const spec = CLIENT_KINDS[kind];
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = spec.records.useOne(id);
  const remove = spec.records.useDelete();
  const describe = useErrorMessage();
  if (client.isPending) return <LoadingState />;
  if (client.isError) return <ErrorState error={client.error} onRetry={() => void client.refetch()} page />;
  const entity = { type: kind, id: client.data.id };
  const list = `/${spec.resource}`;
  return (
    <CardLayout
      back={{ to: list, label: t(`nav.${spec.resource}`) }}
      title={client.data.name}
      actions={
        <DeleteButton
          name={client.data.name}
          loading={remove.isPending}
          onDelete={() =>
            remove.mutate(client.data, {
              onSuccess: () => {
                notifySuccess(t('common.deleted'));
                navigate(list);
              },
              onError: (e) => notifyError(describe(e)),
            })
          }
        />
      }
      side={[
        <ClientDetailsForm key="details" spec={spec} client={client.data} />,
        ...(kind === 'company' ? [<CompanyContacts key="contacts" companyId={client.data.id} />] : []),
        <RelatedLeads key="leads" owner={entity} />,
        ...(kind === 'contact'
          ? [
              <WidgetActions
                key="widgets"
                entity={{ type: 'contact', id: client.data.id }}
                phone={(client.data as { phones?: Array<{ value: string }> }).phones?.[0]?.value}
              />,
            ]
          : []),
      ]}
      main={[<EntityTasks key="tasks" entity={entity} />, <ActivityFeed key="timeline" entity={entity} version={client.data.version} />]}
    />
  );
}
