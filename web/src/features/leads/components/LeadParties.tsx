// Who the deal is with: its contacts (one of them main) and its company, linked or created here.
import { ActionIcon, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { companyRecords, contactRecords } from '@/api/clients';
import type { Lead, LeadPatch } from '@/api/types';
import { useUpdateLead } from '@/features/leads/hooks/useLeads';
import { useErrorMessage } from '@/ui/errors';
import { notifyError } from '@/ui/notify';
import { ClientPicker } from './ClientPicker';

function LinkedParty({
  to,
  name,
  detail,
  badge,
  onUnlink,
  unlinkLabel,
}: {
  to: string;
  name: string;
  detail?: string;
  badge?: string;
  onUnlink: () => void;
  unlinkLabel: string;
}) {
  return (
    <Paper withBorder p="xs">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Anchor component={Link} to={to} fw={600} size="sm">
              {name}
            </Anchor>
            {badge && (
              <Badge size="xs" variant="light">
                {badge}
              </Badge>
            )}
          </Group>
          {detail && (
            <Text size="xs" c="dimmed" truncate>
              {detail}
            </Text>
          )}
        </div>
        <ActionIcon variant="subtle" color="gray" onClick={onUnlink} aria-label={unlinkLabel}>
          <IconX size={16} aria-hidden />
        </ActionIcon>
      </Group>
    </Paper>
  );
}

function LinkedContact({ id, main, onUnlink }: { id: string; main: boolean; onUnlink: () => void }) {
  const { t } = useTranslation();
  const { data } = contactRecords.useOne(id);
  const detail = [data?.phones[0]?.value, data?.emails[0]?.value, data?.position].filter(Boolean).join(' · ');
  const name = data?.name ?? '…';
  return (
    <LinkedParty
      to={`/contacts/${id}`}
      name={name}
      detail={detail}
      badge={main ? t('leads.mainContact') : undefined}
      onUnlink={onUnlink}
      unlinkLabel={t('leads.unlinkNamed', { name })}
    />
  );
}

function LinkedCompany({ id, onUnlink }: { id: string; onUnlink: () => void }) {
  const { t } = useTranslation();
  const { data } = companyRecords.useOne(id);
  const name = data?.name ?? '…';
  return (
    <LinkedParty
      to={`/companies/${id}`}
      name={name}
      detail={data?.phones[0]?.value}
      onUnlink={onUnlink}
      unlinkLabel={t('leads.unlinkNamed', { name })}
    />
  );
}

export function LeadParties({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const update = useUpdateLead();
  const createContact = contactRecords.useCreate();
  const createCompany = companyRecords.useCreate();
  const describe = useErrorMessage();
  const save = (patch: LeadPatch) => update.mutate({ lead, patch }, { onError: (e) => notifyError(describe(e)) });

  const linkContact = (contact: { id: string }) =>
    save({ contactIds: [...lead.contactIds, contact.id], mainContactId: lead.mainContactId ?? contact.id });
  const unlinkContact = (id: string) => {
    const contactIds = lead.contactIds.filter((c) => c !== id);
    save({ contactIds, mainContactId: lead.mainContactId === id ? (contactIds[0] ?? null) : lead.mainContactId });
  };
  const createAndLink = async <T,>(create: () => Promise<T>, link: (item: T) => void) => {
    try {
      link(await create());
    } catch (e) {
      notifyError(describe(e));
    }
  };

  return (
    <Stack gap="sm">
      <Title order={2} size="h5">
        {t('leads.contacts')}
      </Title>
      {lead.contactIds.map((id) => (
        <LinkedContact key={id} id={id} main={id === lead.mainContactId} onUnlink={() => unlinkContact(id)} />
      ))}
      <ClientPicker
        resource="contacts"
        label={t('leads.addContact')}
        excludeIds={lead.contactIds}
        disabled={update.isPending}
        onPick={linkContact}
        onCreate={(name) => void createAndLink(() => createContact.mutateAsync({ body: { name } }), linkContact)}
      />
      <Title order={2} size="h5" mt="sm">
        {t('leads.company')}
      </Title>
      {lead.companyId ? (
        <LinkedCompany id={lead.companyId} onUnlink={() => save({ companyId: null })} />
      ) : (
        <ClientPicker
          resource="companies"
          label={t('leads.linkCompany')}
          disabled={update.isPending}
          onPick={(c) => save({ companyId: c.id })}
          onCreate={(name) =>
            void createAndLink(
              () => createCompany.mutateAsync({ body: { name } }),
              (c) => save({ companyId: c.id }),
            )
          }
        />
      )}
    </Stack>
  );
}
