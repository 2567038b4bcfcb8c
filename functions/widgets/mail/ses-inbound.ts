// SES receiving in AWS: the receipt rule stores each letter to the mail domain in the mail
// bucket (under `inbound/<SES message id>`), then invokes this Lambda with the recipients. The
// letter goes the same way as one the local SMTP server takes (handler.ts receiveRawLetter).
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { SESEvent } from 'aws-lambda';
import { receiveRawLetter } from './handler.ts';
import { INBOUND_PREFIX } from './receiving.ts';

const s3 = new S3Client({});

export async function handler(event: SESEvent) {
  const bucket = process.env.MAIL_BUCKET;
  if (!bucket) throw new Error('MAIL_BUCKET is not set');
  for (const record of event.Records) {
    const { mail, receipt } = record.ses;
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `${INBOUND_PREFIX}${mail.messageId}` }));
    const raw = Buffer.from(await object.Body!.transformToByteArray());
    const outcomes = await receiveRawLetter(raw, receipt.recipients);
    console.log(JSON.stringify({ message: 'Letter received', sesMessageId: mail.messageId, outcomes }));
  }
}
