// The leads of a contact or company (one Query on the link), with "new lead" already linked to it.
import { useState } from 'react';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { itemsOf, usePagedList } from '@/api/queries';
import type { EntityRef, LinkedLead } from '@/api/types';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { useFormat } from '@/session/useFormat';
import CreateLeadModal from './CreateLeadModal';
import { StageBadge } from '@/reference/StageBadge';

export function RelatedLeads({ owner }: { owner: EntityRef & { type: 'contact' | 'company' } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [adding, setAdding] = useState(false);
  const path = `/${owner.type === 'contact' ? 'contacts' : 'companies'}/${owner.id}/leads`;
  const leads = usePagedList<Pick<LinkedLead, 'id' | 'name' | 'price' | 'stageId'>>(['leads', 'related', owner.type, owner.id], path);
  const items = itemsOf(leads.data);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h5">{t('nav.leads')}</Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>{t('leads.add')}</Button>
      </Group>
      {leads.isPending && <LoadingState />}
      {leads.isError && <ErrorState error={leads.error} onRetry={() => void leads.refetch()} />}
      {leads.isSuccess && items.length === 0 && <EmptyState>{t('leads.none')}</EmptyState>}
      {items.map((lead) => (
        <Group key={lead.id} justify="space-between" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={`/leads/${lead.id}`} size="sm" truncate>{lead.name}</Anchor>
          <Group gap="xs" wrap="nowrap">
            <StageBadge stageId={lead.stageId} />
            <Text size="sm" fw={500}>{format.money(lead.price)}</Text>
          </Group>
        </Group>
      ))}
      {adding && (
        <CreateLeadModal
          opened
          onClose={() => setAdding(false)}
          defaults={owner.type === 'contact' ? { contactIds: [owner.id], mainContactId: owner.id } : { companyId: owner.id }}
        />
      )}
    </Stack>
  );
}
