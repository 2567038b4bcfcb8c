// A delayed automation's time came (EventBridge Scheduler -> the bus, `automation.due`): it acts
// if the lead is still in the stage. A failure throws, so the bus retries it (the action is
// idempotent by the entering event) and then parks it in the rule's DLQ.
import { AutomationDue } from '@crm/contract/automations';
import { runDueAutomation } from '@crm/core';
import { deliverWebhook } from './automations.ts';

export const handler = async (event: { detail?: unknown }) => {
  const due = AutomationDue.safeParse(event.detail);
  // A malformed run cannot become valid on a retry: drop it, loudly.
  if (!due.success) {
    console.error(JSON.stringify({ message: 'Not a delayed automation run', detail: event.detail }));
    return;
  }
  await runDueAutomation(due.data, deliverWebhook);
};
