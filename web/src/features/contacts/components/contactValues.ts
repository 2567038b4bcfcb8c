import type { Contact, ContactInput, CustomFieldValues, PhoneOrEmail } from '@/api/types';
import { filledPoints } from '@/features/clients/components/ContactPointsInput';

export interface ContactValues {
  name: string;
  position: string;
  companyId: string | null;
  responsibleUserId: string | null;
  phones: PhoneOrEmail[];
  emails: PhoneOrEmail[];
  tags: string[];
  customFields: CustomFieldValues;
}

export const emptyContact = (companyId: string | null = null): ContactValues => ({
  name: '', position: '', companyId, responsibleUserId: null,
  phones: [{ value: '', type: 'mobile' }], emails: [{ value: '', type: 'work' }], tags: [], customFields: {},
});

export const contactToValues = (c: Contact): ContactValues => ({
  name: c.name,
  position: c.position ?? '',
  companyId: c.companyId,
  responsibleUserId: c.responsibleUserId,
  phones: c.phones,
  emails: c.emails,
  tags: c.tags,
  customFields: c.customFields,
});

/** Form values -> request body; blank optional fields are left out (create) or cleared (edit). */
export function contactBody(v: Partial<ContactValues>, clear: boolean): Partial<ContactInput> {
  const body: Record<string, unknown> = { ...v };
  if (v.name !== undefined) body.name = v.name.trim();
  if (v.position !== undefined) body.position = v.position.trim() || (clear ? null : undefined);
  if (v.phones) body.phones = filledPoints(v.phones);
  if (v.emails) body.emails = filledPoints(v.emails);
  // Everyone has a responsible user: "none" means the caller on create, no change on edit.
  if (v.responsibleUserId === null) delete body.responsibleUserId;
  if (v.companyId === null && !clear) delete body.companyId;
  return body as Partial<ContactInput>;
}
