import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  submitLabel: string;
  saving: boolean;
  onCancel: () => void;
  /** A card's form with nothing changed: nothing to cancel or save. */
  idle?: boolean;
}

/** Cancel and submit at the foot of a form or dialog. */
export function FormActions({ submitLabel, saving, onCancel, idle }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" disabled={idle} onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={saving} disabled={idle}>
        {submitLabel}
      </Button>
    </Group>
  );
}
