import { page } from '../common.ts';
import { Form, FormCreate, FormListQuery, FormPatch } from '../forms.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'forms.list': { summary: 'Web forms (admin)', query: FormListQuery, response: page(Form) },
  'forms.create': { summary: 'Create a web form with its public key (admin)', body: FormCreate, response: Form, status: 201 },
  'forms.get': { summary: 'Get a web form (admin)', response: Form },
  'forms.patch': { summary: 'Change a web form (admin)', body: FormPatch, response: Form },
  'forms.delete': { summary: 'Delete a web form; its key stops working (admin)', status: 204 },
} as const satisfies GroupOperations<'forms'>;
