import { ImportWizard } from '@/features/imports/ImportWizard';

export default function ImportPage() {
  return <ImportWizard />;
}
