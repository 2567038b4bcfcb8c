// A client's form values, from the stored record and back into a request body.
import type { Client, ClientInput } from '@/api/clients';
import type { CustomFieldValues, PhoneOrEmail } from '@/api/types';
import { filledPoints } from './components/ContactPointsInput';
import { textOf, type ClientKindSpec, type ClientTextField } from './kinds';

export type ClientValues = Partial<Record<ClientTextField, string>> & {
  name: string;
  /** Contacts only: the company they work at. */
  companyId?: string | null;
  responsibleUserId: string | null;
  phones: PhoneOrEmail[];
  emails: PhoneOrEmail[];
  tags: string[];
  customFields: CustomFieldValues;
};

const textValues = (spec: ClientKindSpec, read: (field: ClientTextField) => string) =>
  Object.fromEntries(spec.textFields.map((field) => [field, read(field)]));

export const emptyClient = (spec: ClientKindSpec, companyId: string | null = null): ClientValues => ({
  name: '',
  ...textValues(spec, () => ''),
  ...(spec.worksAtCompany ? { companyId } : {}),
  responsibleUserId: null,
  phones: [{ value: '', type: spec.firstPhoneType }],
  emails: [{ value: '', type: 'work' }],
  tags: [],
  customFields: {},
});

export const clientToValues = (spec: ClientKindSpec, c: Client): ClientValues => ({
  name: c.name,
  ...textValues(spec, (field) => textOf(c, field) ?? ''),
  ...(spec.worksAtCompany && 'companyId' in c ? { companyId: c.companyId } : {}),
  responsibleUserId: c.responsibleUserId,
  phones: c.phones,
  emails: c.emails,
  tags: c.tags,
  customFields: c.customFields,
});

/** Form values -> request body; blank optional fields are left out (create) or cleared (edit). */
export function clientBody(spec: ClientKindSpec, v: Partial<ClientValues>, clear: boolean): Partial<ClientInput> {
  const body: Record<string, unknown> = { ...v };
  if (v.name !== undefined) body.name = v.name.trim();
  for (const field of spec.textFields) {
    const value = v[field];
    if (value !== undefined) body[field] = value.trim() || (clear ? null : undefined);
  }
  if (v.phones) body.phones = filledPoints(v.phones);
  if (v.emails) body.emails = filledPoints(v.emails);
  // Everyone has a responsible user: "none" means the caller on create, no change on edit.
  if (v.responsibleUserId === null) delete body.responsibleUserId;
  if (v.companyId === null && !clear) delete body.companyId;
  return body as Partial<ClientInput>;
}
