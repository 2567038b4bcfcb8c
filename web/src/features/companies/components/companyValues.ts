import type { Company, CompanyInput, CustomFieldValues, PhoneOrEmail } from '@/api/types';
import { filledPoints } from '@/features/clients/components/ContactPointsInput';

export interface CompanyValues {
  name: string;
  website: string;
  address: string;
  responsibleUserId: string | null;
  phones: PhoneOrEmail[];
  emails: PhoneOrEmail[];
  tags: string[];
  customFields: CustomFieldValues;
}

export const emptyCompany = (): CompanyValues => ({
  name: '', website: '', address: '', responsibleUserId: null,
  phones: [{ value: '', type: 'work' }], emails: [{ value: '', type: 'work' }], tags: [], customFields: {},
});

export const companyToValues = (c: Company): CompanyValues => ({
  name: c.name,
  website: c.website ?? '',
  address: c.address ?? '',
  responsibleUserId: c.responsibleUserId,
  phones: c.phones,
  emails: c.emails,
  tags: c.tags,
  customFields: c.customFields,
});

export function companyBody(v: Partial<CompanyValues>, clear: boolean): Partial<CompanyInput> {
  const body: Record<string, unknown> = { ...v };
  if (v.name !== undefined) body.name = v.name.trim();
  for (const key of ['website', 'address'] as const) {
    if (v[key] !== undefined) body[key] = v[key].trim() || (clear ? null : undefined);
  }
  if (v.phones) body.phones = filledPoints(v.phones);
  if (v.emails) body.emails = filledPoints(v.emails);
  // Everyone has a responsible user: "none" means the caller on create, no change on edit.
  if (v.responsibleUserId === null) delete body.responsibleUserId;
  return body as Partial<CompanyInput>;
}
