import type { ClientKind } from '@/api/clients';
import { ExportButton } from '@/features/imports/ExportButton';
import { ClientList } from '@/features/clients/components/ClientList';

/** /contacts and /companies. */
export default function ClientListPage({ kind }: { kind: ClientKind }) {
  const entityType = kind === 'contact' ? 'contacts' : 'companies';
  return <ClientList kind={kind} actions={(filters) => <ExportButton entityType={entityType} filters={filters} />} />;
}
