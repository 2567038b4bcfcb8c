import { FormAccepted, FormSubmission, PublicForm } from '../forms.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'formInbound.submit': {
    summary:
      'Post a web form (public, by its key): 202 and an incoming request; 429 with Retry-After over the per-form or per-address limit; a bot post is dropped, still 202',
    body: FormSubmission,
    response: FormAccepted,
    status: 202,
  },
  'formInbound.fields': { summary: "A web form's name, fields and thank-you text (public, by its key)", response: PublicForm },
  'formInbound.page': { summary: 'The hosted page of a web form (public, by its key)', produces: 'text/html' },
} as const satisfies GroupOperations<'formInbound'>;
