import { useState } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Deleting moves to the trash (restorable for 30 days): one confirmation is enough. */
export function DeleteButton({ name, onDelete, loading }: { name: string; onDelete: () => void; loading?: boolean }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setAsking(true)}>
        {t('common.delete')}
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('common.deleteTitle', { name })}>
        <Text size="sm">{t('common.deleteText')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={loading}
            onClick={() => {
              setAsking(false);
              onDelete();
            }}
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
