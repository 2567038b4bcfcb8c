// A webhook's signing secret, shown once (after create or rotation) with a copy button.
import { Alert, Button, Code, CopyButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SecretReveal({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('webhooks.secretTitle')} role="status">
      <Text size="sm" mb="xs">
        {t('webhooks.secretOnce')}
      </Text>
      <Code block data-testid="webhook-secret">
        {secret}
      </Code>
      <Group mt="sm" gap="sm">
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? t('webhooks.copied') : t('webhooks.copy')}
            </Button>
          )}
        </CopyButton>
        <Button size="xs" variant="subtle" onClick={onDone}>
          {t('webhooks.secretSaved')}
        </Button>
      </Group>
    </Alert>
  );
}
