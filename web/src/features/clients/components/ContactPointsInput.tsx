// Phones or e-mails of a contact or company: a list of value + kind, add and remove rows.
import { ActionIcon, Button, Group, Input, Select, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PhoneOrEmail } from '@/api/types';

interface Props {
  kind: 'phones' | 'emails';
  value: PhoneOrEmail[];
  onChange: (next: PhoneOrEmail[]) => void;
  /** Form errors keyed like "phones.0.value". */
  errors: Record<string, unknown>;
}

const TYPES = { phones: ['mobile', 'work', 'home', 'other'], emails: ['work', 'personal', 'other'] } as const;

export function ContactPointsInput({ kind, value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const label = t(`fields.${kind}`);
  const set = (i: number, patch: Partial<PhoneOrEmail>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Input.Wrapper label={label} error={errors[kind] as string | undefined}>
      <Stack gap={6} mt={4}>
        {value.map((point, i) => (
          <Group key={i} gap={6} wrap="nowrap" align="flex-start">
            <TextInput
              style={{ flex: 1 }}
              type={kind === 'phones' ? 'tel' : 'email'}
              aria-label={`${label} ${i + 1}`}
              value={point.value}
              onChange={(e) => set(i, { value: e.currentTarget.value })}
              error={(errors[`${kind}.${i}.value`] as string | undefined) ?? (errors[`${kind}.${i}`] as string | undefined)}
            />
            <Select
              w={110}
              aria-label={t('fields.kind')}
              data={TYPES[kind].map((ty) => ({ value: ty, label: t(`fields.pointTypes.${ty}`) }))}
              value={point.type}
              onChange={(ty) => ty && set(i, { type: ty })}
              allowDeselect={false}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={4}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              aria-label={t('common.removeNamed', { name: point.value || label })}
            >
              <IconX size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconPlus size={12} aria-hidden />}
          onClick={() => onChange([...value, { value: '', type: TYPES[kind][0] }])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t(`fields.add_${kind}`)}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}

/** Rows left empty are not sent. */
export const filledPoints = (points: PhoneOrEmail[]) => points.filter((p) => p.value.trim()).map((p) => ({ ...p, value: p.value.trim() }));
