/// <reference path="./s3rver.d.ts" />
// The S3 stand-in: s3rver on a free loopback port, with the files bucket (uploads of imports,
// big exports) and a CORS rule so that a browser can PUT to a pre-signed URL, as in AWS.
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import account from 's3rver/lib/models/account.js';

export const FILES_BUCKET = 'crm-files';

const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

export async function startS3(opts: { directory: string; port?: number }) {
  mkdirSync(opts.directory, { recursive: true });
  // The handlers sign with the local stack's credentials (AWS_ACCESS_KEY_ID=local); s3rver knows only its own.
  account.DUMMY_ACCOUNT.createKeyPair('local', 'local');
  const server = new S3rver({
    address: '127.0.0.1',
    port: opts.port ?? 0,
    silent: true,
    directory: opts.directory,
    configureBuckets: [{ name: FILES_BUCKET, configs: [CORS] }],
  });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    env: { FILES_BUCKET, S3_ENDPOINT: endpoint },
    stop: () => server.close() as Promise<void>,
  };
}
