import { resourceHooks } from '@/api/entityHooks';
import type { Contact, ContactInput } from '@/api/types';

export const contactsApi = resourceHooks<Contact, ContactInput>('contacts');
export const { useOne: useContact, useList: useContactList, useCreate: useCreateContact, useUpdate: useUpdateContact, useDelete: useDeleteContact } = contactsApi;
