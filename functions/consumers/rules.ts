// Which bus events reach which consumer: each row is one EventBridge rule and one Lambda
// (infra/lib/consumer-rules.ts) and, locally, one rule of the local bus (packages/local/src/events).
import { TASK_REMINDER } from '@crm/contract';

export const consumerRules = [
  {
    name: 'task-reminders',
    pattern: { source: ['crm'], 'detail-type': ['task.created', 'task.updated', 'task.completed', 'task.deleted'] },
    consumer: 'task-reminders',
  },
  { name: 'task-due', pattern: { source: [TASK_REMINDER.source], 'detail-type': [TASK_REMINDER.detailType] }, consumer: 'task-due' },
];

// The local runtime reads the default export, the CDK app `consumerRules`.
export default consumerRules;
