// What differs between a contact and a company, in one place: every component of the clients
// feature is written once and reads its kind's differences from here.
import type { ReactNode } from 'react';
import { companyRecords, contactRecords, type Client, type ClientKind, type ClientRecords } from '@/api/clients';
import type { PhoneOrEmail } from '@/api/types';

/** Free-text fields of a kind: trimmed, left out when blank on create, cleared with null on edit. */
export type ClientTextField = 'position' | 'website' | 'address';
/** List columns after the name (the nearest task comes last on every list). */
export type ClientColumn = 'phone' | 'email' | 'position' | 'website' | 'responsible';

export interface ClientKindSpec {
  kind: ClientKind;
  /** The API resource, the route (/contacts) and the i18n group of the kind's own texts. */
  resource: 'contacts' | 'companies';
  records: ClientRecords;
  textFields: readonly ClientTextField[];
  /** A contact works at a company. */
  worksAtCompany: boolean;
  /** The API answers 409 on a known phone or e-mail, and the user may create it anyway. */
  warnsOfDuplicates: boolean;
  firstPhoneType: PhoneOrEmail['type'];
  columns: readonly ClientColumn[];
}

// The records of one kind serve as records of either kind here: the components only pass back
// what they were given, so the kind's own type never meets the other's.
const asAnyClient = <T extends Client, I, Q extends object>(records: ClientRecords<T, I, Q>) => records as unknown as ClientRecords;

export const CLIENT_KINDS: Record<ClientKind, ClientKindSpec> = {
  contact: {
    kind: 'contact',
    resource: 'contacts',
    records: asAnyClient(contactRecords),
    textFields: ['position'],
    worksAtCompany: true,
    warnsOfDuplicates: true,
    firstPhoneType: 'mobile',
    columns: ['phone', 'email', 'position', 'responsible'],
  },
  company: {
    kind: 'company',
    resource: 'companies',
    records: asAnyClient(companyRecords),
    textFields: ['website', 'address'],
    worksAtCompany: false,
    warnsOfDuplicates: false,
    firstPhoneType: 'work',
    columns: ['phone', 'website', 'responsible'],
  },
};

/** A kind-specific text of the client, or undefined where the kind has no such field. */
export const textOf = (client: Client, field: ClientTextField): string | null | undefined =>
  (client as Partial<Record<ClientTextField, string | null>>)[field];

export type ColumnRenderer = (client: Client, userName: (id: string | null | undefined) => string) => ReactNode;

export const COLUMN_VALUES: Record<ClientColumn, ColumnRenderer> = {
  phone: (c) => c.phones[0]?.value ?? '—',
  email: (c) => c.emails[0]?.value ?? '—',
  position: (c) => textOf(c, 'position') ?? '—',
  website: (c) => textOf(c, 'website') ?? '—',
  responsible: (c, userName) => userName(c.responsibleUserId),
};
