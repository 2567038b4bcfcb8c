import { Group } from '@mantine/core';
import type { ClientKind } from '@/api/clients';
import { ExportButton } from '@/features/imports/ExportButton';
import { ClientList } from '@/features/clients/components/ClientList';

/** /contacts and /companies. */
export default function ClientListPage({ kind }: { kind: ClientKind }) {
  return (
    <>
      <Group justify="flex-end" mb="xs">
        <ExportButton entityType={kind === 'contact' ? 'contacts' : 'companies'} />
      </Group>
      <ClientList kind={kind} />
    </>
  );
}
