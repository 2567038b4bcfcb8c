import { Me } from '../accounts.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  me: { summary: 'The caller and their account', response: Me },
} as const satisfies GroupOperations<'me'>;
