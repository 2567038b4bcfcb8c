import type { ClientKind } from '@/api/clients';
import { ClientList } from '@/features/clients/components/ClientList';

/** /contacts and /companies. */
export default function ClientListPage({ kind }: { kind: ClientKind }) {
  return <ClientList kind={kind} />;
}
