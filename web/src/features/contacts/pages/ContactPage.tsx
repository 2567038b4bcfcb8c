// The contact card: details, their leads, tasks and timeline.
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CardLayout } from '@/ui/CardLayout';
import { DeleteButton } from '@/ui/DeleteButton';
import { useErrorMessage } from '@/ui/errors';
import { notifyError, notifySuccess } from '@/ui/notify';
import { ErrorState, LoadingState } from '@/ui/states';
import { RelatedLeads } from '@/features/leads/components/RelatedLeads';
import { EntityTasks } from '@/features/tasks/components/EntityTasks';
import { ActivityFeed } from '@/features/timeline/components/ActivityFeed';
import { ContactDetailsForm } from '@/features/contacts/components/ContactDetailsForm';
import { useContact, useDeleteContact } from '@/features/contacts/hooks/useContacts';

export default function ContactPage() {
  const { t } = useTranslation();
  const { contactId = '' } = useParams();
  const navigate = useNavigate();
  const contact = useContact(contactId);
  const remove = useDeleteContact();
  const describe = useErrorMessage();
  if (contact.isPending) return <LoadingState />;
  if (contact.isError) return <ErrorState error={contact.error} onRetry={() => void contact.refetch()} page />;
  const entity = { type: 'contact' as const, id: contact.data.id };
  return (
    <CardLayout
      back={{ to: '/contacts', label: t('nav.contacts') }}
      title={contact.data.name}
      actions={
        <DeleteButton
          name={contact.data.name}
          loading={remove.isPending}
          onDelete={() => remove.mutate(contact.data, {
            onSuccess: () => { notifySuccess(t('common.deleted')); navigate('/contacts'); },
            onError: (e) => notifyError(describe(e)),
          })}
        />
      }
      side={[<ContactDetailsForm key="details" contact={contact.data} />, <RelatedLeads key="leads" owner={entity} />]}
      main={[<EntityTasks key="tasks" entity={entity} />, <ActivityFeed key="timeline" entity={entity} />]}
    />
  );
}
