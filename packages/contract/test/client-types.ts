// Compile-time checks of the typed client (tsc runs over this file in npm test): what the
// server does not serve does not compile.
import type { Client } from '@crm/contract/client';
import type { Lead, Note } from '@crm/contract';

export async function callsThatCompile(client: Client) {
  const lead: Lead = await client.leads.patch({ id: 'L1' }, { price: 150, stageId: 'S1' }, { ifMatch: 2 });
  const notes: Note[] = (await client.contacts.notes.list({ id: 'C1' }, { limit: 10 })).items;
  const none: undefined = await client.leads.delete({ id: lead.id });
  await client.tasks.complete({ id: 'T1' });
  await client.contacts.create({ name: 'Ivan' }, { query: { allowDuplicate: true } });
  await client.trash.restore({ entityType: 'lead', id: 'L1' });
  return [notes, none];
}

export async function callsThatDoNot(client: Client) {
  // @ts-expect-error no such operation
  await client.leads.archive({ id: 'L1' });
  // @ts-expect-error the path has {id}, not {leadId}
  await client.leads.get({ leadId: 'L1' });
  // @ts-expect-error price is a number
  await client.leads.create({ name: 'X', price: 'a lot' });
  // @ts-expect-error no such field on a lead
  await client.leads.patch({ id: 'L1' }, { budget: 1 });
  // @ts-expect-error a lead needs a name
  await client.leads.create({});
  // @ts-expect-error the settings take no path parameters
  await client.settings.get({ id: 'A1' });
  // @ts-expect-error a list's filters are checked too
  await client.leads.list({ colour: 'red' });
}
