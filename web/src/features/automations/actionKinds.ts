// The actions a stage automation can take, as ONE list: the page's form, its field inputs and
// the rule's description all come from it. A new action (an SMS, say) is one entry here (its
// type, its fields, how they make the action) plus its words under `automations.actions` and
// `automations.fields` in the language files.
import type { BodyOf } from '@crm/contract/client';

export type AutomationAction = BodyOf<'automations.create'>['action'];
export type AutomationCondition = NonNullable<BodyOf<'automations.create'>['condition']>;

/** How a field is entered: free text, a number of minutes, or a pick from the account's data. */
export type FieldInput = 'text' | 'minutes' | 'url' | 'taskType' | 'user' | 'stage';

export interface ActionKind {
  type: AutomationAction['type'];
  fields: readonly { name: string; input: FieldInput }[];
  /** The action from the form's values (all strings), once every field has one. */
  build(values: Record<string, string>): AutomationAction;
}

export const ACTION_KINDS: readonly ActionKind[] = [
  {
    type: 'create_task',
    fields: [
      { name: 'text', input: 'text' },
      { name: 'typeId', input: 'taskType' },
      { name: 'dueInMinutes', input: 'minutes' },
    ],
    build: (v) => ({ type: 'create_task', text: v.text!, typeId: v.typeId!, dueInMinutes: Number(v.dueInMinutes) }),
  },
  { type: 'set_responsible', fields: [{ name: 'userId', input: 'user' }], build: (v) => ({ type: 'set_responsible', userId: v.userId! }) },
  { type: 'add_tag', fields: [{ name: 'tag', input: 'text' }], build: (v) => ({ type: 'add_tag', tag: v.tag! }) },
  { type: 'move_to_stage', fields: [{ name: 'stageId', input: 'stage' }], build: (v) => ({ type: 'move_to_stage', stageId: v.stageId! }) },
  { type: 'webhook', fields: [{ name: 'url', input: 'url' }], build: (v) => ({ type: 'webhook', url: v.url! }) },
];

/** The conditions a rule may have, by the form's choice; `none` is a rule for every lead. */
export const CONDITION_KINDS = ['none', 'budget_at_least', 'budget_at_most', 'has_tag'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

export function buildCondition(kind: ConditionKind, value: string): AutomationCondition | undefined {
  if (kind === 'none') return undefined;
  if (kind === 'has_tag') return { type: 'has_tag', tag: value };
  return { type: 'budget', op: kind === 'budget_at_least' ? '>=' : '<=', value: Number(value) };
}
