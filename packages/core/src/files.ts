// The files bucket (S3; locally the S3 stand-in): uploads of imports and big exports.
import type { Readable } from 'node:stream';
import { config } from './config.ts';
import { onFirstUse } from './first-use.ts';

/** The S3 SDK, its pre-signer and client, loaded by the first call: only imports and exports use them. */
const s3 = onFirstUse(async () => {
  const [sdk, { getSignedUrl }] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]);
  // Checksums only when S3 requires them: a pre-signed PUT must not carry the checksum of an empty body.
  const client = new sdk.S3Client({
    region: config.region,
    endpoint: config.s3Endpoint,
    forcePathStyle: !!config.s3Endpoint,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return { sdk, client, getSignedUrl };
});

const URL_SECONDS = 3600;

export const fileKeyOf = (accountId: string, kind: 'imports' | 'exports', id: string) => `${accountId}/${kind}/${id}`;

export async function uploadUrl(key: string) {
  const { sdk, client, getSignedUrl } = await s3();
  return getSignedUrl(client, new sdk.PutObjectCommand({ Bucket: config.filesBucket, Key: key }), { expiresIn: URL_SECONDS });
}

export async function downloadUrl(key: string, fileName: string) {
  const { sdk, client, getSignedUrl } = await s3();
  return getSignedUrl(
    client,
    new sdk.GetObjectCommand({ Bucket: config.filesBucket, Key: key, ResponseContentDisposition: `attachment; filename="${fileName}"` }),
    { expiresIn: URL_SECONDS },
  );
}

export async function putFile(key: string, body: string | Buffer, contentType: string) {
  const { sdk, client } = await s3();
  await client.send(new sdk.PutObjectCommand({ Bucket: config.filesBucket, Key: key, Body: body, ContentType: contentType }));
}

/** The file as a stream; null when it is not there (not uploaded yet). */
export async function readFile(key: string): Promise<Readable | null> {
  const { sdk, client } = await s3();
  try {
    const got = await client.send(new sdk.GetObjectCommand({ Bucket: config.filesBucket, Key: key }));
    return got.Body as Readable;
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchKey') return null;
    throw err;
  }
}
