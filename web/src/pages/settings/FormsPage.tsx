import { Forms } from '@/features/forms/components/Forms';

export default function FormsPage() {
  return <Forms />;
}
