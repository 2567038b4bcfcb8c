// The whole local CRM: DynamoDB Local + cognito-local + the local event endpoints,
// the table, user pool and client, the handlers' environment, and the API Gateway emulator.
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { startApiGateway, type ApiGatewayOptions } from './api-gateway.ts';
import { ensureUserPool, startCognito } from './cognito.ts';
import { EVENT_BUS_NAME, LOCAL_MAIL_DOMAIN, LOCAL_REGION, TABLE_NAME } from './config.ts';
import { assertJava, ensureCrmTable, startDynamoDb } from './dynamodb.ts';
import { startEvents } from './events/index.ts';
import { startLiveGateway } from './live-gateway.ts';
import { startS3 } from './s3.ts';
import { startMail } from './mail.ts';
import { supervise } from './processes.ts';
import { DEFAULT_DATA_DIR, readState, REPO_ROOT, updateState } from './local-state.ts';
import type { WebConfig } from './web.ts';

/** The environment variables the handlers read (set before any handler module is imported). */
export type LocalEnv = Record<string, string>;

export interface StackOptions {
  /** Defaults to .data/ at the repo root. */
  dataDir?: string;
  /** DynamoDB Local without a file (tests); cognito-local still keeps its db under dataDir. */
  inMemory?: boolean;
  /** 0 or undefined picks a free port. */
  ports?: { api?: number; dynamodb?: number; cognito?: number };
  /** Echo the child services' output. */
  log?: boolean;
  /** One line per API request (defaults to `log`). */
  requestLog?: boolean;
  /** Start the local EventBridge, Scheduler and stream poller (default true). */
  events?: boolean;
  webDir?: string;
  /**
   * Told in one line when a child service died and could not be kept up (see `supervise`);
   * by default the line is printed. `npm start` stops on it.
   */
  onServiceLost?(line: string): void;
}

export interface LocalServices {
  env: LocalEnv;
  config: Omit<WebConfig, 'apiUrl'>;
  dataDir: string;
  /** Pids of the guards of the child services as they run now (each has the service as its only child). */
  readonly pids: number[];
  stop(): Promise<void>;
}

/** DynamoDB Local, cognito-local, the table, the pool and client, and the event endpoints. */
export async function startServices(opts: StackOptions = {}): Promise<LocalServices> {
  const dataDir = resolve(opts.dataDir ?? DEFAULT_DATA_DIR);
  const log = opts.log ?? false;
  // The SDK's Node 22 notice is known (DESIGN.md); it would print once per process.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  assertJava(); // before anything starts, so a missing Java costs nothing
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    const all = stoppers.splice(0).reverse();
    for (const s of all) await s().catch((err) => console.error(err));
  };
  try {
    // allSettled: when one fails, the other has still started and must be stopped too.
    const [dbResult, cognitoResult] = await Promise.allSettled([
      startDynamoDb({ port: opts.ports?.dynamodb, dbPath: opts.inMemory ? undefined : join(dataDir, 'dynamodb'), log }).then(
        (s) => (stoppers.push(s.stop), s),
      ),
      startCognito({ dataDir: join(dataDir, 'cognito'), port: opts.ports?.cognito, log }).then((s) => (stoppers.push(s.stop), s)),
    ]);
    if (dbResult.status === 'rejected') throw dbResult.reason;
    if (cognitoResult.status === 'rejected') throw cognitoResult.reason;
    const db = dbResult.value;
    const cognito = cognitoResult.value;
    const remembered = readState(dataDir);
    const [pool] = await Promise.all([ensureUserPool(cognito.endpoint, remembered), ensureCrmTable(db.endpoint, TABLE_NAME)]);
    updateState(dataDir, pool);

    // A child that dies is started again on the same port (and data), so that the handlers'
    // clients reach it again; in memory, the table is made afresh.
    const watched = {
      onGiveUp: opts.onServiceLost ?? ((line: string) => console.error(line)),
      onRestart: (line: string) => console.warn(line),
    };
    const dbWatch = supervise(db.process, {
      ...watched,
      restart: async () => {
        const again = await startDynamoDb({ port: db.port, dbPath: opts.inMemory ? undefined : join(dataDir, 'dynamodb'), log });
        await ensureCrmTable(again.endpoint, TABLE_NAME).catch(async (err) => {
          await again.stop();
          throw err;
        });
        return again.process;
      },
    });
    const cognitoWatch = supervise(cognito.process, {
      ...watched,
      restart: async () => (await startCognito({ dataDir: join(dataDir, 'cognito'), port: cognito.port, log })).process,
    });
    // From now on a stop goes through the supervisors: they stop whichever process runs then.
    stoppers.splice(
      0,
      stoppers.length,
      () => dbWatch.stop(),
      () => cognitoWatch.stop(),
    );

    const issuer = `${cognito.issuerDomain}/${pool.userPoolId}`;
    const env: LocalEnv = {
      TABLE_NAME,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      DYNAMODB_ENDPOINT: db.endpoint,
      USER_POOL_ID: pool.userPoolId,
      USER_POOL_CLIENT_ID: pool.userPoolClientId,
      COGNITO_ENDPOINT: cognito.endpoint,
      JWT_ISSUER: issuer,
      JWKS_URI: `${issuer}/.well-known/jwks.json`,
      EVENT_BUS_NAME,
      // The webhook guard's local switch: http and loopback receivers, for testing on a laptop (never set in AWS).
      WEBHOOK_ALLOW_LOOPBACK: '1',
      // Widgets' secret settings are sealed under this key, kept in .data like the pool ids.
      WIDGET_SECRETS_KEY:
        remembered.widgetSecretsKey ?? updateState(dataDir, { widgetSecretsKey: randomBytes(32).toString('hex') }).widgetSecretsKey!,
    };
    applyEnv(env);

    // Uploads of imports and big exports (S3 in AWS).
    const s3 = await startS3({ directory: join(dataDir, 's3') });
    stoppers.push(s3.stop);
    Object.assign(env, s3.env);
    applyEnv(env);

    if (opts.events !== false) {
      const events = await startEvents({
        env,
        dataDir: opts.inMemory ? undefined : join(dataDir, 'events'),
        log: log ? (line) => console.log(`[events] ${line}`) : undefined,
      });
      stoppers.push(() => events.stop());
      Object.assign(env, events.env);
      applyEnv(env);
    }
    // Live updates: the WebSocket stand-in; the fan-out consumer posts to it through the SDK.
    const live = await startLiveGateway({ log: (line) => console.error(`[live] ${line}`) });
    stoppers.push(() => live.close());
    Object.assign(env, { LIVE_WS_URL: live.wsUrl, LIVE_MANAGEMENT_ENDPOINT: live.managementEndpoint });
    // Mail: the SMTP server the mail widget sends to, which also takes letters to the accounts'
    // mailboxes through the same path as SES receiving in AWS.
    const mail = await startMail({
      domain: LOCAL_MAIL_DOMAIN,
      onInbound: async (raw, recipients) => {
        const { receiveRawLetter } = await import('@crm/functions/widgets/mail/handler');
        await receiveRawLetter(raw, recipients);
      },
      log: log ? (line) => console.log(`[mail] ${line}`) : undefined,
    });
    stoppers.push(mail.stop);
    Object.assign(env, mail.env);
    applyEnv(env);

    const config = {
      region: LOCAL_REGION,
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.userPoolClientId,
      cognitoEndpoint: cognito.endpoint,
      wsUrl: live.wsUrl,
    };
    return {
      env,
      config,
      dataDir,
      get pids() {
        return [dbWatch.current.pid, cognitoWatch.current.pid];
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Puts the handlers' environment into process.env (before any handler module is imported). */
export function applyEnv(env: LocalEnv): void {
  Object.assign(process.env, env);
}

/** The web app's /config.json values, derived from the handlers' environment. */
export function configFromEnv(env: LocalEnv): Omit<WebConfig, 'apiUrl'> {
  return {
    region: env.AWS_REGION,
    userPoolId: env.USER_POOL_ID,
    userPoolClientId: env.USER_POOL_CLIENT_ID,
    cognitoEndpoint: env.COGNITO_ENDPOINT,
    wsUrl: env.LIVE_WS_URL,
  };
}

/** An in-process API Gateway emulator over services that already run. */
export async function startApi(env: LocalEnv, opts: Partial<Omit<ApiGatewayOptions, 'config'>> = {}) {
  applyEnv(env);
  const api = await startApiGateway({ ...opts, webDir: opts.webDir ?? join(REPO_ROOT, 'web', 'dist'), config: configFromEnv(env) });
  return { apiUrl: api.url, port: api.port, close: api.close };
}

/** Everything `npm start` runs. */
export async function startStack(opts: StackOptions = {}) {
  const services = await startServices(opts);
  try {
    const api = await startApi(services.env, { port: opts.ports?.api, log: opts.requestLog ?? opts.log, webDir: opts.webDir });
    const config: WebConfig = { apiUrl: api.apiUrl, ...services.config };
    return {
      apiUrl: api.apiUrl,
      config,
      env: services.env,
      dataDir: services.dataDir,
      get pids() {
        return services.pids;
      },
      async stop() {
        await api.close();
        await services.stop();
      },
    };
  } catch (err) {
    await services.stop();
    throw err;
  }
}
