// The one table: the DynamoDB client and every ElectroDB entity bound to it.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Service } from 'electrodb';
import { config } from './config.ts';
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
import { WidgetKeyEntity, WidgetSettingEntity } from './entities/widget.ts';
import { ChatLinkEntity, MessageEntity } from './entities/message.ts';
import { FormEntity, FormKeyEntity, FormRateEntity, IncomingEntity } from './entities/incoming.ts';

export const dynamo = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: config.region, endpoint: config.dynamodbEndpoint, maxAttempts: 3 }),
  { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true } },
);

export const crm = new Service(
  {
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
    widgetSetting: WidgetSettingEntity,
    widgetKey: WidgetKeyEntity,
    message: MessageEntity,
    chatLink: ChatLinkEntity,
    incoming: IncomingEntity,
    form: FormEntity,
    formKey: FormKeyEntity,
    formRate: FormRateEntity,
  },
  { table: config.tableName, client: dynamo },
);

export const db = crm.entities;
