// Changed fields in words, for the timeline and for a save that met someone else's: translated
// labels, names instead of ids, money in the account's currency, dates in its time zone.
import { useTranslation } from 'react-i18next';
import type { CustomField } from '@/api/types';
import { useFormat } from '@/session/useFormat';
import { useCustomFields, type CustomFieldEntity } from './useCustomFields';
import { usePipelines, useStageIndex } from './usePipelines';
import { useRecordNames, type NamedRecordType, type RecordRef } from './useRecordNames';
import { useUserNames } from './useUsers';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}
export interface ChangeLine {
  key: string;
  label: string;
  from: string;
  to: string;
}

const RECORD_FIELDS: Record<string, NamedRecordType> = { contactIds: 'contact', mainContactId: 'contact', companyId: 'company' };
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const idsOf = (value: unknown): string[] => (Array.isArray(value) ? value : value ? [value] : []).map(String);

function recordRefs(changes: FieldChange[]): RecordRef[] {
  return changes.flatMap((c) => {
    const type = RECORD_FIELDS[c.field];
    return type ? [...idsOf(c.from), ...idsOf(c.to)].map((id) => ({ type, id })) : [];
  });
}

/** A customFields change as one change per custom field that differs. */
function perCustomField(change: FieldChange): FieldChange[] {
  const from = (change.from ?? {}) as Record<string, unknown>;
  const to = (change.to ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(from), ...Object.keys(to)])]
    .filter((id) => JSON.stringify(from[id] ?? null) !== JSON.stringify(to[id] ?? null))
    .map((id) => ({ field: `customFields.${id}`, from: from[id], to: to[id] }));
}

export function useChangeLines(entityType: CustomFieldEntity, changes: FieldChange[]): ChangeLine[] {
  const { t } = useTranslation();
  const format = useFormat();
  const stages = useStageIndex();
  const pipelines = usePipelines().data ?? [];
  const userName = useUserNames();
  const customFields = new Map((useCustomFields(entityType).data ?? []).map((f) => [f.id, f] as [string, CustomField]));
  const recordName = useRecordNames(recordRefs(changes));

  const plain = (value: unknown): string => {
    if (typeof value === 'boolean') return t(value ? 'timeline.yes' : 'timeline.no');
    if (typeof value === 'number') return format.number(value);
    if (typeof value === 'string' && ISO_TIME.test(value)) return format.dateTime(value);
    if (typeof value === 'string' && ISO_DATE.test(value)) return format.date(`${value}T12:00:00Z`);
    if (Array.isArray(value)) return value.map(plain).join(', ');
    // Phones and e-mails are { type, value }.
    if (value && typeof value === 'object' && 'value' in value) return String(value.value);
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  const text = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
    const record = RECORD_FIELDS[field];
    if (record)
      return idsOf(value)
        .map((id) => recordName({ type: record, id }) ?? t('timeline.deletedRecord'))
        .join(', ');
    switch (field) {
      case 'stageId':
        return stages.get(String(value))?.name ?? String(value);
      case 'pipelineId':
        return pipelines.find((p) => p.id === value)?.name ?? String(value);
      case 'responsibleUserId':
        return userName(String(value)) || String(value);
      case 'price':
        return format.money(Number(value));
      case 'status':
        return t(`leads.status.${String(value)}`, { defaultValue: String(value) });
      default:
        return plain(value);
    }
  };
  const label = (field: string): string => {
    const custom = field.startsWith('customFields.') ? customFields.get(field.slice('customFields.'.length)) : undefined;
    if (custom) return custom.name;
    return t(`fields.byName.${field.startsWith('customFields.') ? 'customFields' : field}`, { defaultValue: field });
  };
  return changes
    .flatMap((c) => (c.field === 'customFields' ? perCustomField(c) : [c]))
    .map((c) => ({ key: c.field, label: label(c.field), from: text(c.field, c.from), to: text(c.field, c.to) }));
}
