// The people of a company (one Query on the link), with "new contact" already placed at it.
import { useState } from 'react';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { itemsOf, usePagedList } from '@/api/queries';
import type { Contact } from '@/api/types';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import CreateClientModal from './CreateClientModal';

export function CompanyContacts({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const contacts = usePagedList<Contact>(['contacts', 'company', companyId], `/companies/${companyId}/contacts`);
  const items = itemsOf(contacts.data);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h5">{t('nav.contacts')}</Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>{t('contacts.add')}</Button>
      </Group>
      {contacts.isPending && <LoadingState />}
      {contacts.isError && <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />}
      {contacts.isSuccess && items.length === 0 && <EmptyState>{t('contacts.none')}</EmptyState>}
      {items.map((c) => (
        <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={`/contacts/${c.id}`} size="sm" truncate>{c.name}</Anchor>
          <Text size="xs" c="dimmed" truncate>{[c.position, c.phones[0]?.value].filter(Boolean).join(' · ')}</Text>
        </Group>
      ))}
      {adding && <CreateClientModal kind="contact" opened companyId={companyId} onClose={() => setAdding(false)} onCreated={() => void contacts.refetch()} />}
    </Stack>
  );
}
