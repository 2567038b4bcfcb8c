// SES receiving's one fact shared by the Lambda (ses-inbound.ts) and the CDK that lets SES write
// there (infra/lib/mail-receiving.ts): where in the mail bucket the receipt rule stores letters.
export const INBOUND_PREFIX = 'inbound/';
