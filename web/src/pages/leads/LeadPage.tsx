// The lead card: its fields, parties, tasks and timeline.
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CardLayout } from '@/ui/CardLayout';
import { DeleteButton } from '@/ui/DeleteButton';
import { useErrorMessage } from '@/ui/errors';
import { notifyError, notifySuccess } from '@/ui/notify';
import { ErrorState, LoadingState } from '@/ui/states';
import { EntityTasks } from '@/features/tasks/components/EntityTasks';
import { ActivityFeed } from '@/features/timeline/components/ActivityFeed';
import { WidgetActions } from '@/features/widgets/components/WidgetActions';
import { LeadDetailsForm } from '@/features/leads/components/LeadDetailsForm';
import { LeadOutcomeButtons } from '@/features/leads/components/LeadOutcomeButtons';
import { LeadParties } from '@/features/leads/components/LeadParties';
import { StageBadge } from '@/reference/StageBadge';
import { useDeleteLead, useLead } from '@/features/leads/hooks/useLeads';

export default function LeadPage() {
  const { t } = useTranslation();
  const { leadId = '' } = useParams();
  const navigate = useNavigate();
  const lead = useLead(leadId);
  const remove = useDeleteLead();
  const describe = useErrorMessage();

  if (lead.isPending) return <LoadingState />;
  if (lead.isError) return <ErrorState error={lead.error} onRetry={() => void lead.refetch()} page />;
  const entity = { type: 'lead' as const, id: lead.data.id };

  return (
    <CardLayout
      back={{ to: '/leads', label: t('nav.leads') }}
      title={lead.data.name}
      actions={[
        <StageBadge key="stage" stageId={lead.data.stageId} />,
        <LeadOutcomeButtons key="outcome" lead={lead.data} />,
        <DeleteButton
          key="delete"
          name={lead.data.name}
          loading={remove.isPending}
          onDelete={() =>
            remove.mutate(lead.data, {
              onSuccess: () => {
                notifySuccess(t('common.deleted'));
                navigate('/leads');
              },
              onError: (e) => notifyError(describe(e)),
            })
          }
        />,
      ]}
      side={[
        <LeadDetailsForm key="details" lead={lead.data} />,
        <LeadParties key="parties" lead={lead.data} />,
        <WidgetActions key="widgets" entity={entity} />,
      ]}
      main={[<EntityTasks key="tasks" entity={entity} />, <ActivityFeed key="timeline" entity={entity} version={lead.data.version} />]}
    />
  );
}
