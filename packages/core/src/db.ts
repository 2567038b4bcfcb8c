// The one table: every ElectroDB entity, by the name services use (`db.lead`), one line each.
// A new entity: declare it with defineEntity (entities/define.ts) in entities/, add its line
// below. Each is built when first used (so a Lambda builds only its own); the model check
// runs in test/entities.test.ts, which joins them all into one Service.
import { AccountEntity, EmailClaimEntity, UserEntity } from './entities/account.ts';
import { LeadEntity } from './entities/lead.ts';
import { ContactClaimEntity, ContactEntity } from './entities/contact.ts';
import { CompanyEntity } from './entities/company.ts';
import { ContactLeadEntity } from './entities/link.ts';
import { PipelineEntity } from './entities/pipeline.ts';
import { CounterEntity, EventEntity, IdempotencyEntity, TrashEntity } from './entities/system.ts';
import { TallyEntity } from './entities/system.ts';
import { TaskEntity, TaskTypeEntity } from './entities/task.ts';
import { NoteEntity } from './entities/note.ts';
import { CustomFieldEntity } from './entities/custom-field.ts';
import { SearchTermEntity } from './entities/search.ts';
import { GroupEntity, RoleEntity } from './entities/access.ts';
import { LoginEntity } from './entities/login.ts';
import { WebhookDeliveryEntity, WebhookEntity } from './entities/webhook.ts';
import { ApiKeyEntity, ApiKeyLookupEntity, ApiKeyUsageEntity } from './entities/api-key.ts';
import { NotificationEntity } from './entities/notification.ts';
import { AutomationEntity, AutomationRunEntity } from './entities/automation.ts';
import { ImportJobEntity } from './entities/import-job.ts';
import { LiveConnectionEntity } from './entities/live.ts';
import { WidgetKeyEntity, WidgetSettingEntity } from './entities/widget.ts';
import { ChatLinkEntity, MessageEntity } from './entities/message.ts';
import { FormEntity, FormKeyEntity, FormRateEntity, IncomingEntity } from './entities/incoming.ts';

export { dynamo } from './dynamo.ts';

export const db = {
  account: AccountEntity,
  user: UserEntity,
  emailClaim: EmailClaimEntity,
  pipeline: PipelineEntity,
  lead: LeadEntity,
  contact: ContactEntity,
  contactClaim: ContactClaimEntity,
  company: CompanyEntity,
  contactLead: ContactLeadEntity,
  task: TaskEntity,
  taskType: TaskTypeEntity,
  note: NoteEntity,
  event: EventEntity,
  counter: CounterEntity,
  idempotency: IdempotencyEntity,
  trash: TrashEntity,
  customField: CustomFieldEntity,
  searchTerm: SearchTermEntity,
  tally: TallyEntity,
  role: RoleEntity,
  group: GroupEntity,
  login: LoginEntity,
  webhook: WebhookEntity,
  webhookDelivery: WebhookDeliveryEntity,
  apiKey: ApiKeyEntity,
  apiKeyLookup: ApiKeyLookupEntity,
  apiKeyUsage: ApiKeyUsageEntity,
  notification: NotificationEntity,
  automation: AutomationEntity,
  automationRun: AutomationRunEntity,
  importJob: ImportJobEntity,
  liveConnection: LiveConnectionEntity,
  incoming: IncomingEntity,
  form: FormEntity,
  formKey: FormKeyEntity,
  formRate: FormRateEntity,
  widgetSetting: WidgetSettingEntity,
  widgetKey: WidgetKeyEntity,
  message: MessageEntity,
  chatLink: ChatLinkEntity,
};
