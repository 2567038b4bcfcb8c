import { Automation, AutomationCreate, AutomationListQuery, AutomationPatch } from '../automations.ts';
import { page } from '../common.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'automations.list': { summary: "A pipeline's stage automations (admin)", query: AutomationListQuery, response: page(Automation) },
  'automations.create': { summary: 'Add a stage automation (admin)', body: AutomationCreate, response: Automation, status: 201 },
  'automations.get': { summary: 'Get an automation (admin)', response: Automation },
  'automations.patch': { summary: 'Change an automation (admin)', body: AutomationPatch, response: Automation },
  'automations.delete': { summary: 'Delete an automation (admin)', status: 204 },
} as const satisfies GroupOperations<'automations'>;
