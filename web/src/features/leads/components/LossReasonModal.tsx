import { useState } from 'react';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  leadName: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asked when a lead is closed as lost. */
export function LossReasonModal({ leadName, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onCancel} title={t('leads.lostTitle', { name: leadName })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(reason.trim());
        }}
      >
        <Stack>
          <Textarea
            label={t('leads.lossReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red">
              {t('leads.markLost')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export default LossReasonModal;
