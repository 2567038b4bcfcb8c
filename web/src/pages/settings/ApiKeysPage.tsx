import { ApiKeys } from '@/features/api-keys/components/ApiKeys';

export default function ApiKeysPage() {
  return <ApiKeys />;
}
