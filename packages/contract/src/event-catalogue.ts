// The event catalogue: what each event type means and the schema of its `data`. docs/events.md
// (scripts/events-doc.ts) and the OpenAPI document's `webhooks` are generated from it.
import * as z from 'zod';
import { Group, RoleRecord, User } from './accounts.ts';
import { ApiKey } from './api-keys.ts';
import { Automation } from './automations.ts';
import { Company } from './companies.ts';
import { Contact } from './contacts.ts';
import { CustomField } from './custom-fields.ts';
import { CrmEvent, type EventType } from './events.ts';
import { Form } from './forms.ts';
import { ImportJob } from './imports.ts';
import { Incoming } from './incoming.ts';
import { Lead } from './leads.ts';
import { Message } from './messages.ts';
import { Note } from './notes.ts';
import { Pipeline } from './pipelines.ts';
import { AccountSettings } from './settings.ts';
import { Task, TaskType } from './tasks.ts';
import { Webhook } from './webhooks.ts';
import { WidgetState } from './widgets.ts';

export interface EventSpec {
  summary: string;
  data: z.ZodType;
}

const lead = z.object({ lead: Lead });
const contact = z.object({ contact: Contact });
const company = z.object({ company: Company });
const task = z.object({ task: Task });
const taskType = z.object({ taskType: TaskType });
const field = z.object({ field: CustomField });
const pipeline = z.object({ pipeline: Pipeline });
const user = z.object({ user: User });
const webhook = z.object({ webhook: Webhook });
const role = z.object({ role: RoleRecord });
const group = z.object({ group: Group });
// Incoming requests (forms, calls, mail, chats) carry the request as it is now.
const incoming = z.object({ incoming: Incoming });
const form = z.object({ form: Form });
const apiKey = z.object({ apiKey: ApiKey });
const automation = z.object({ automation: Automation });

export const EVENT_CATALOGUE = {
  'lead.created': { summary: 'A lead was created', data: lead },
  'lead.updated': { summary: 'A lead was changed; `changes` lists the fields', data: lead },
  'lead.stage_changed': { summary: 'A lead moved to another stage or pipeline', data: lead },
  'lead.won': { summary: 'A lead entered the won stage', data: lead.extend({ lossReason: z.string().nullish() }) },
  'lead.lost': { summary: 'A lead entered the lost stage, with the reason', data: lead.extend({ lossReason: z.string().nullish() }) },
  'lead.deleted': { summary: 'A lead was moved to the trash', data: lead },
  'lead.restored': { summary: 'A lead was restored from the trash', data: lead },
  'contact.created': { summary: 'A contact was created', data: contact },
  'contact.updated': { summary: 'A contact was changed', data: contact },
  'contact.deleted': { summary: 'A contact was moved to the trash', data: contact },
  'contact.restored': { summary: 'A contact was restored from the trash', data: contact },
  'company.created': { summary: 'A company was created', data: company },
  'company.updated': { summary: 'A company was changed', data: company },
  'company.deleted': { summary: 'A company was moved to the trash', data: company },
  'company.restored': { summary: 'A company was restored from the trash', data: company },
  'task.created': { summary: 'A task was created', data: task },
  'task.updated': { summary: 'A task was changed or rescheduled', data: task },
  'task.completed': { summary: 'A task was completed with a result', data: task },
  'task.deleted': { summary: 'A task was deleted', data: task },
  'task.due': { summary: 'An open task reached its due time', data: task },
  'task_type.created': { summary: 'A task type was added', data: taskType },
  'task_type.updated': { summary: 'A task type was renamed or recoloured', data: taskType },
  'task_type.deleted': { summary: 'A task type was deleted', data: taskType },
  'custom_field.created': { summary: 'A custom field was added', data: field },
  'custom_field.updated': { summary: 'A custom field was changed', data: field },
  'custom_field.deleted': { summary: 'A custom field was deleted', data: field },
  'note.added': { summary: 'A note was added to a lead, contact or company', data: z.object({ note: Note }) },
  'message.received': {
    summary: 'A letter or Telegram message from a known contact landed on its timeline',
    data: z.object({ message: Message }),
  },
  'message.sent': { summary: 'A letter or Telegram reply was sent from a card', data: z.object({ message: Message }) },
  'incoming.received': { summary: 'A form, call, letter or chat message made an incoming request', data: incoming },
  'incoming.accepted': { summary: 'An incoming request became a lead, or joined one (`leadId`)', data: incoming },
  'incoming.declined': { summary: 'An incoming request was declined', data: incoming },
  'pipeline.created': { summary: 'A pipeline was created', data: pipeline },
  'pipeline.updated': { summary: 'A pipeline or its stages changed', data: pipeline },
  'pipeline.deleted': { summary: 'A pipeline was deleted', data: pipeline },
  'user.created': { summary: 'A user was invited', data: user },
  'user.updated': { summary: "A user's name, role or group changed", data: user },
  'user.deactivated': { summary: 'A user was deactivated', data: user },
  'account.created': { summary: 'An account signed up', data: z.object({ name: z.string() }) },
  'account.updated': {
    summary: "The account's settings changed (name, currency, time zone, locale, IP allow-list)",
    data: z.object({ settings: AccountSettings }),
  },
  'import.started': { summary: 'An import job was started; its worker reads the file', data: z.object({ import: ImportJob }) },
  'user.reactivated': { summary: 'A deactivated user was let in again', data: user },
  'role.created': { summary: 'A custom role was added', data: role },
  'role.updated': { summary: "A custom role's name or rights changed", data: role },
  'role.deleted': { summary: 'A custom role was deleted', data: role },
  'group.created': { summary: 'A group was added', data: group },
  'group.updated': { summary: 'A group was renamed or got another head', data: group },
  'group.deleted': { summary: 'A group was deleted', data: group },
  'webhook.created': { summary: 'A webhook was added (never with its secret)', data: webhook },
  'webhook.updated': { summary: 'A webhook was changed, switched on or off', data: webhook },
  'webhook.deleted': { summary: 'A webhook was deleted', data: webhook },
  'webhook.disabled': {
    summary: 'A webhook was switched off after a day of failed deliveries',
    data: webhook.extend({ deliveryId: z.string(), lastError: z.string().nullable() }),
  },
  'widget.created': {
    summary: 'A widget was first set up for the account (never with its secrets)',
    data: z.object({ widget: WidgetState }),
  },
  'widget.updated': {
    summary: 'A widget was enabled, disabled or its settings changed (never its secrets)',
    data: z.object({ widget: WidgetState }),
  },
  'sms.status_changed': {
    summary: "The SMS gateway reported an SMS's delivery status; the event is on the lead's or contact's timeline",
    data: z.object({ sms: z.object({ messageId: z.string(), to: z.string(), status: z.string(), noteId: z.string().nullable() }) }),
  },
  'sms.requested': {
    summary: "An automation's send_sms action asked the SMS widget to text the lead's first contact",
    data: z.object({ text: z.string(), phone: z.string().nullable() }),
  },
  'call.started': {
    summary: 'A call was placed through the PBX from a lead or contact card',
    data: z.object({ call: z.object({ channelId: z.string(), to: z.string(), from: z.string() }) }),
  },
  'form.created': { summary: 'A web form was created', data: form },
  'form.updated': { summary: 'A web form was changed', data: form },
  'form.deleted': { summary: 'A web form was deleted', data: form },
  'api_key.created': { summary: 'An API key was created (its name, scopes and hint, never the key)', data: apiKey },
  'api_key.revoked': { summary: 'An API key was revoked; requests with it are refused from now on', data: apiKey },
  'automation.created': { summary: 'A stage automation was added', data: automation },
  'automation.updated': { summary: "A stage automation's stage, delay, condition or action changed", data: automation },
  'automation.deleted': { summary: 'A stage automation was deleted', data: automation },
  'import.undo_requested': {
    summary: "An import's undo was asked for; its worker moves the import's records to the trash",
    data: z.object({ import: ImportJob }),
  },
} as const satisfies Record<EventType, EventSpec>;

export type EventData<T extends EventType> = z.infer<(typeof EVENT_CATALOGUE)[T]['data']>;

/** The envelope of one event type, as a webhook receives it. */
export const eventSchema = (type: EventType) => CrmEvent.extend({ type: z.literal(type), data: EVENT_CATALOGUE[type].data });
