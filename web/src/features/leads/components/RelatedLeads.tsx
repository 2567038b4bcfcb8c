// The leads of a contact or company (one Query on the link), with "new lead" already linked to it.
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '@/api/client';
import { itemsOf, usePagedList } from '@/api/queries';
import type { EntityRef, LinkedLead } from '@/api/types';
import { useFormat } from '@/session/useFormat';
import CreateLeadModal from './CreateLeadModal';
import { StageBadge } from '@/reference/StageBadge';
import { CardSection } from '@/ui/CardSection';

export function RelatedLeads({ owner }: { owner: EntityRef & { type: 'contact' | 'company' } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const leadsOf = owner.type === 'contact' ? api.contacts.leads : api.companies.leads;
  const leads = usePagedList<Pick<LinkedLead, 'id' | 'name' | 'price' | 'stageId'>>(
    ['leads', 'related', owner.type, owner.id, {}],
    (page, signal) => leadsOf({ id: owner.id }, page, { signal }),
  );
  const items = itemsOf(leads.data);
  const defaults = owner.type === 'contact' ? { contactIds: [owner.id], mainContactId: owner.id } : { companyId: owner.id };
  return (
    <CardSection
      title={t('nav.leads')}
      addLabel={t('leads.add')}
      addDialog={(close) => <CreateLeadModal opened onClose={close} defaults={defaults} />}
      rows={leads}
      isEmpty={items.length === 0}
      emptyText={t('leads.none')}
    >
      {items.map((lead) => (
        <Group key={lead.id} justify="space-between" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={`/leads/${lead.id}`} size="sm" truncate>
            {lead.name}
          </Anchor>
          <Group gap="xs" wrap="nowrap">
            <StageBadge stageId={lead.stageId} />
            <Text size="sm" fw={500}>
              {format.money(lead.price)}
            </Text>
          </Group>
        </Group>
      ))}
    </CardSection>
  );
}
