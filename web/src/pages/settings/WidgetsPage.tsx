import { Widgets } from '@/features/widgets/components/Widgets';

export default function WidgetsPage() {
  return <Widgets />;
}
