// An event's before/after values, with the field's label and formatted values (names, not ids).
import { Text } from '@mantine/core';
import type { CrmEvent } from '@/api/types';
import { useChangeLines } from '@/reference/useChangeLines';
import type { CustomFieldEntity } from '@/reference/useCustomFields';

const WITH_FIELDS = new Set(['lead', 'contact', 'company']);

export function EventChanges({ event }: { event: CrmEvent }) {
  // Custom field labels exist for records; other entities' fields read with the plain labels.
  const kind = (WITH_FIELDS.has(event.entity.type) ? event.entity.type : 'lead') as CustomFieldEntity;
  const lines = useChangeLines(kind, event.changes ?? []);
  return (
    <>
      {lines.map((l) => (
        <Text key={l.key} size="xs">
          <Text span fw={500} inherit>
            {l.label}:
          </Text>{' '}
          {l.from} → {l.to}
        </Text>
      ))}
    </>
  );
}
