// Which column fills which field: proposed from the headers, an amoCRM/Kommo export's own
// headers (Russian and English) included, so that such a file needs no manual mapping.
import type { ImportEntityType, ImportField, ImportMapping } from '@crm/contract';
import { IMPORT_FIELDS } from '@crm/contract/imports';

/** Lower case, `ё` as `е`, punctuation and repeated spaces gone: how headers are compared. */
export const foldHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Headers each field is known by, folded. The first that a file has wins. */
const KNOWN: Record<(typeof IMPORT_FIELDS)[number], string[]> = {
  'lead.name': ['название сделки', 'сделка', 'lead title', 'lead name', 'deal name', 'deal title', 'lead'],
  'lead.price': ['бюджет', 'бюджет сделки', 'сумма', 'budget', 'sale', 'price', 'amount', 'deal budget'],
  'lead.pipeline': ['воронка', 'pipeline', 'воронка сделки'],
  'lead.stage': ['этап сделки', 'этап', 'статус сделки', 'stage', 'lead status', 'status', 'deal stage'],
  'lead.tags': ['теги сделки', 'lead tags', 'deal tags'],
  'lead.note': ['примечание', 'примечания', 'заметка', 'note', 'notes', 'примечание к сделке'],
  responsible: ['ответственный', 'ответственный за сделку', 'responsible user', 'responsible', 'lead owner', 'owner'],
  createdAt: ['дата создания', 'дата создания сделки', 'created at', 'date created', 'created', 'created date'],
  'contact.name': [
    'полное имя контакта',
    'контакт',
    'фио',
    'имя контакта',
    'основной контакт',
    'contact full name',
    'full name',
    'contact name',
    'contact',
    'name',
    'имя',
  ],
  'contact.phone': ['рабочий телефон', 'рабочий телефон контакт', 'телефон', 'телефон контакта', 'work phone', 'phone', 'contact phone'],
  'contact.mobile': ['мобильный телефон', 'мобильный телефон контакт', 'мобильный', 'mobile phone', 'mobile'],
  'contact.email': ['рабочий email', 'рабочий email контакт', 'email', 'e mail', 'почта', 'work email', 'contact email'],
  'contact.position': ['должность', 'должность контакт', 'position', 'job title'],
  'contact.tags': ['теги контакта', 'contact tags', 'теги', 'tags'],
  'company.name': ['компания', 'название компании', 'компания контакта', 'company', 'company name'],
  'company.phone': ['телефон компании', 'рабочий телефон компания', 'company phone'],
  'company.email': ['email компании', 'рабочий email компания', 'company email'],
  'company.website': ['web', 'сайт', 'website', 'web сайт', 'сайт компании'],
  'company.address': ['адрес', 'адрес компании', 'address', 'company address'],
};

/** Which fixed fields a file of each kind fills (a leads file: the lead, its contact and company). */
export const FIELDS_OF: Record<ImportEntityType, readonly (typeof IMPORT_FIELDS)[number][]> = {
  leads: IMPORT_FIELDS,
  contacts: IMPORT_FIELDS.filter((f) => !f.startsWith('lead.')),
  companies: ['company.name', 'company.phone', 'company.email', 'company.website', 'company.address', 'responsible', 'createdAt'],
};

/**
 * Proposes a column for each field: exact known headers first, then a known header inside a
 * longer one (`Рабочий телефон (контакт)`); custom fields by their name. Each column fills one field.
 */
export function proposeMapping(
  entityType: ImportEntityType,
  headers: string[],
  customFields: { fieldId: string; name: string }[],
): ImportMapping {
  const folded = headers.map(foldHeader);
  const taken = new Set<number>();
  const mapping: ImportMapping = {};
  const claim = (field: ImportField, index: number) => {
    mapping[field] = headers[index]!;
    taken.add(index);
  };
  for (const f of customFields) {
    const i = folded.indexOf(foldHeader(f.name));
    if (i >= 0 && !taken.has(i)) claim(`custom.${f.fieldId}`, i);
  }
  const fields = FIELDS_OF[entityType];
  for (const pass of ['exact', 'inside'] as const) {
    for (const field of fields) {
      if (mapping[field]) continue;
      const known = KNOWN[field];
      const i = folded.findIndex(
        (h, i) => !taken.has(i) && known.some((k) => (pass === 'exact' ? h === k : h.startsWith(`${k} `) || h.endsWith(` ${k}`))),
      );
      if (i >= 0) claim(field, i);
    }
  }
  // A companies file's "Name" is the company's.
  if (entityType === 'companies' && !mapping['company.name']) {
    const i = folded.findIndex((h, i) => !taken.has(i) && (h === 'name' || h === 'название' || h === 'имя'));
    if (i >= 0) claim('company.name', i);
  }
  return mapping;
}

/** Labels of the fixed fields, for a page that lets the user change the mapping. */
export const fieldLabel = (field: string) => KNOWN[field as keyof typeof KNOWN]?.find((k) => /[a-z]/.test(k)) ?? field;

/** `1 500 000,50 ₽` -> 1500000.5; undefined for an empty cell; NaN for text that is no amount. */
export function parseAmount(cell: string): number | undefined {
  const s = cell.replace(/[\s\u00a0₽$€]|руб\.?/g, '');
  if (!s) return undefined;
  const normal = /,\d{1,2}$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : NaN;
}

/** A cell with several values (tags, phones): split on commas or semicolons. */
export const splitList = (cell: string) =>
  cell
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
