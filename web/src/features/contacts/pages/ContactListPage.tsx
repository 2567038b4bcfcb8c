import { useTranslation } from 'react-i18next';
import { useQuickAdd } from '@/app/shell/QuickAdd';
import type { Contact } from '@/api/types';
import { ClientList } from '@/features/clients/components/ClientList';
import { useUserNames } from '@/reference/useUsers';
import { useContactList } from '@/features/contacts/hooks/useContacts';

export default function ContactListPage() {
  const { t } = useTranslation();
  const openQuickAdd = useQuickAdd();
  const userName = useUserNames();
  return (
    <ClientList<Contact>
      title={t('nav.contacts')}
      addLabel={t('contacts.add')}
      onAdd={() => openQuickAdd('contact')}
      tagEntity="contacts"
      basePath="/contacts"
      useList={useContactList}
      columns={[
        { header: t('fields.phone'), render: (c) => c.phones[0]?.value ?? '—' },
        { header: t('fields.email'), render: (c) => c.emails[0]?.value ?? '—' },
        { header: t('fields.position'), render: (c) => c.position ?? '—' },
        { header: t('fields.responsible'), render: (c) => userName(c.responsibleUserId) },
      ]}
    />
  );
}
