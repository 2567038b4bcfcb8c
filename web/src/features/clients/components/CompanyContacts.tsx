// The people of a company (one Query on the link), with "new contact" already placed at it.
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { itemsOf, usePagedList } from '@/api/queries';
import { api } from '@/api/client';
import CreateClientModal from './CreateClientModal';
import { CardSection } from '@/ui/CardSection';

export function CompanyContacts({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const contacts = usePagedList(['contacts', 'company', companyId, {}], (page, signal) =>
    api.companies.contacts({ id: companyId }, page, { signal }),
  );
  const items = itemsOf(contacts.data);
  return (
    <CardSection
      title={t('nav.contacts')}
      addLabel={t('contacts.add')}
      addDialog={(close) => (
        <CreateClientModal kind="contact" opened companyId={companyId} onClose={close} onCreated={() => void contacts.refetch()} />
      )}
      rows={contacts}
      isEmpty={items.length === 0}
      emptyText={t('contacts.none')}
    >
      {items.map((c) => (
        <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={`/contacts/${c.id}`} size="sm" truncate>
            {c.name}
          </Anchor>
          <Text size="xs" c="dimmed" truncate>
            {[c.position, c.phones[0]?.value].filter(Boolean).join(' · ')}
          </Text>
        </Group>
      ))}
    </CardSection>
  );
}
