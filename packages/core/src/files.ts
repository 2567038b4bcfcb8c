// The files bucket (S3; locally the S3 stand-in): uploads of imports and big exports.
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import { config } from './config.ts';

// Checksums only when S3 requires them: a pre-signed PUT must not carry the checksum of an empty body.
const s3 = new S3Client({
  region: config.region,
  endpoint: config.s3Endpoint,
  forcePathStyle: !!config.s3Endpoint,
  requestChecksumCalculation: 'WHEN_REQUIRED',
});

const URL_SECONDS = 3600;

export const fileKeyOf = (accountId: string, kind: 'imports' | 'exports', id: string) => `${accountId}/${kind}/${id}`;

export const uploadUrl = (key: string) =>
  getSignedUrl(s3, new PutObjectCommand({ Bucket: config.filesBucket, Key: key }), { expiresIn: URL_SECONDS });

export const downloadUrl = (key: string, fileName: string) =>
  getSignedUrl(
    s3,
    new GetObjectCommand({ Bucket: config.filesBucket, Key: key, ResponseContentDisposition: `attachment; filename="${fileName}"` }),
    { expiresIn: URL_SECONDS },
  );

export async function putFile(key: string, body: string | Buffer, contentType: string) {
  await s3.send(new PutObjectCommand({ Bucket: config.filesBucket, Key: key, Body: body, ContentType: contentType }));
}

/** The file as a stream; null when it is not there (not uploaded yet). */
export async function readFile(key: string): Promise<Readable | null> {
  try {
    const got = await s3.send(new GetObjectCommand({ Bucket: config.filesBucket, Key: key }));
    return got.Body as Readable;
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchKey') return null;
    throw err;
  }
}
