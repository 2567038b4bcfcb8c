// The names and region the local stand-ins go by. In AWS the CDK app names the table and the bus
// per stage and hands them to the functions as the same env vars (TABLE_NAME, EVENT_BUS_NAME).
export const TABLE_NAME = 'crm';
export const EVENT_BUS_NAME = 'crm';
export const LOCAL_REGION = 'us-east-1';
/** The accounts' mailboxes are `<account id>@` this domain (MAIL_DOMAIN; in AWS the SES receiving domain). */
export const LOCAL_MAIL_DOMAIN = 'mail.crm.localhost';
