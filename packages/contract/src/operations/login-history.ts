import { page } from '../common.ts';
import { LoginEntry, LoginHistoryQuery } from '../settings.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'loginHistory.list': {
    summary: 'Sign-ins of the account, newest first (admin)',
    query: LoginHistoryQuery,
    response: page(LoginEntry),
  },
} as const satisfies GroupOperations<'loginHistory'>;
