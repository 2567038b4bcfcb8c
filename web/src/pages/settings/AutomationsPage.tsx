import { Automations } from '@/features/automations/components/Automations';

export default function AutomationsPage() {
  return <Automations />;
}
