import { SignupRequest, SignupResponse } from '../accounts.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  signup: { summary: 'Create an account and its admin', body: SignupRequest, response: SignupResponse, status: 201 },
} as const satisfies GroupOperations<'signup'>;
