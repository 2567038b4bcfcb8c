// The local EventBridge Scheduler: the REST-JSON API of @aws-sdk/client-scheduler for one-time
// `at(...)` schedules (Create/Get/Update/Delete/List), kept in a JSON file in the data dir, and
// fired by a timer (catching up after a restart) into in-process targets chosen by target ARN.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { atExpressionTime, BadScheduleExpressionError } from './at-time.ts';
import { AwsError, close, listen, LOCAL_ACCOUNT, readJson, sendError, sendJson, signedRegion } from './aws-http.ts';
import { Deliveries, type DeadLetter, type RetryPolicy } from './delivery.ts';

export interface ScheduleTarget {
  Arn: string;
  RoleArn: string;
  Input?: string;
  EventBridgeParameters?: { DetailType: string; Source: string };
  [more: string]: unknown;
}

/** A schedule as GetSchedule answers it (dates in epoch seconds, as on the wire). */
export interface Schedule {
  Arn: string;
  Name: string;
  GroupName: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  Target: ScheduleTarget;
  FlexibleTimeWindow: { Mode: string; MaximumWindowInMinutes?: number };
  State: 'ENABLED' | 'DISABLED';
  ActionAfterCompletion: 'NONE' | 'DELETE';
  Description?: string;
  StartDate?: number;
  EndDate?: number;
  CreationDate: number;
  LastModificationDate: number;
}

interface StoredSchedule extends Schedule {
  dueAt: number;
  firedAt?: string;
}

/** Called with the target's Input when a schedule fires; the schedule is there for context. */
export type ScheduleTargetHandler = (input: string, schedule: Schedule) => Promise<void>;

export interface SchedulerOptions {
  port?: number;
  /** Where schedules.json lives; without it schedules are kept in memory only. */
  dataDir?: string;
  tickMs?: number;
  retry?: RetryPolicy;
  log?: (line: string) => void;
  /** Finds a target for an ARN nobody registered (e.g. a consumer Lambda by its name). */
  resolveTarget?: (arn: string) => ScheduleTargetHandler | undefined;
}

const STORE_FILE = 'schedules.json';

export class LocalScheduler {
  readonly deliveries: Deliveries<Schedule>;
  endpoint = '';
  private readonly schedules = new Map<string, StoredSchedule>();
  private readonly targets = new Map<string, ScheduleTargetHandler>();
  private readonly firing = new Set<string>();
  private server?: Server;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: SchedulerOptions = {}) {
    this.deliveries = new Deliveries(options.retry, options.log);
    for (const schedule of this.load()) this.schedules.set(key(schedule.GroupName, schedule.Name), schedule);
  }

  get deadLetters(): DeadLetter<Schedule>[] {
    return this.deliveries.deadLetters;
  }

  registerTarget(arn: string, handler: ScheduleTargetHandler): void {
    this.targets.set(arn, handler);
  }

  getSchedule(name: string, groupName = 'default'): Schedule | undefined {
    const stored = this.schedules.get(key(groupName, name));
    return stored && view(stored);
  }

  /** Fires every enabled schedule that is due and not fired yet. */
  fireDue(now = Date.now()): void {
    for (const [id, schedule] of this.schedules) {
      if (schedule.State !== 'ENABLED' || schedule.firedAt || schedule.dueAt > now || this.firing.has(id)) continue;
      this.firing.add(id);
      void this.deliveries
        .send(`${schedule.GroupName}/${schedule.Name}`, view(schedule), (s) => this.invoke(s))
        .then(() => this.completed(id, schedule));
    }
  }

  idle(): Promise<void> {
    return this.deliveries.idle();
  }

  async listen(port = this.options.port ?? 0): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req)
        .then((body) => sendJson(res, 200, body))
        .catch((err) => sendError(res, err));
    });
    this.endpoint = `http://127.0.0.1:${await listen(this.server, port)}`;
    this.timer = setInterval(() => this.fireDue(), this.options.tickMs ?? 250);
    this.timer.unref();
    return this.endpoint;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.deliveries.stop();
    if (this.server) await close(this.server);
  }

  private async invoke(schedule: Schedule): Promise<void> {
    const handler = this.targets.get(schedule.Target.Arn) ?? this.options.resolveTarget?.(schedule.Target.Arn);
    if (!handler) throw new Error(`no in-process target is registered for ${schedule.Target.Arn}`);
    await handler(schedule.Target.Input ?? '', schedule);
  }

  /** Once delivered (or dead-lettered), a one-time schedule is deleted or kept as done. */
  private completed(id: string, fired: StoredSchedule): void {
    this.firing.delete(id);
    if (this.schedules.get(id) !== fired) return; // updated or deleted meanwhile
    if (fired.ActionAfterCompletion === 'DELETE') this.schedules.delete(id);
    else fired.firedAt = new Date().toISOString();
    this.save();
  }

  private async handle(req: IncomingMessage): Promise<unknown> {
    const url = new URL(req.url ?? '/', 'http://local');
    const name = /^\/schedules\/([^/]+)$/.exec(url.pathname)?.[1];
    const group = url.searchParams.get('groupName') ?? 'default';
    const body = await readJson(req);
    if (name === undefined) {
      if (url.pathname === '/schedules' && req.method === 'GET') return this.list(url.searchParams);
      throw new AwsError('UnknownOperationException', `The local Scheduler does not support ${req.method} ${url.pathname}`, 404);
    }
    const scheduleName = decodeURIComponent(name);
    switch (req.method) {
      case 'POST':
        return this.put(scheduleName, body, signedRegion(req), false);
      case 'PUT':
        return this.put(scheduleName, body, signedRegion(req), true);
      case 'GET':
        return view(this.existing(group, scheduleName));
      case 'DELETE':
        this.existing(group, scheduleName);
        this.schedules.delete(key(group, scheduleName));
        this.save();
        return {};
      default:
        throw new AwsError('UnknownOperationException', `Unsupported method ${req.method}`, 405);
    }
  }

  private put(name: string, body: Record<string, unknown>, region: string, update: boolean): { ScheduleArn: string } {
    const groupName = String(body.GroupName ?? 'default');
    const id = key(groupName, name);
    const previous = this.schedules.get(id);
    if (update && !previous) throw notFound(groupName, name);
    if (!update && previous) throw new AwsError('ConflictException', `Schedule ${name} already exists.`, 409);
    const now = Math.floor(Date.now() / 1000);
    const schedule: StoredSchedule = {
      ...validated(name, groupName, body),
      Arn: `arn:aws:scheduler:${region}:${LOCAL_ACCOUNT}:schedule/${groupName}/${name}`,
      CreationDate: previous?.CreationDate ?? now,
      LastModificationDate: now,
      dueAt: dueAt(body),
    };
    this.schedules.set(id, schedule);
    this.save();
    return { ScheduleArn: schedule.Arn };
  }

  private list(query: URLSearchParams) {
    const group = query.get('ScheduleGroup');
    const prefix = query.get('NamePrefix') ?? '';
    const state = query.get('State');
    const schedules = [...this.schedules.values()]
      .filter((s) => (!group || s.GroupName === group) && s.Name.startsWith(prefix) && (!state || s.State === state))
      .map((s) => ({
        Arn: s.Arn,
        Name: s.Name,
        GroupName: s.GroupName,
        State: s.State,
        CreationDate: s.CreationDate,
        LastModificationDate: s.LastModificationDate,
        Target: { Arn: s.Target.Arn },
      }));
    return { Schedules: schedules };
  }

  private existing(groupName: string, name: string): StoredSchedule {
    const schedule = this.schedules.get(key(groupName, name));
    if (!schedule) throw notFound(groupName, name);
    return schedule;
  }

  private load(): StoredSchedule[] {
    const file = this.file();
    if (!file || !existsSync(file)) return [];
    return (JSON.parse(readFileSync(file, 'utf8')) as { schedules: StoredSchedule[] }).schedules;
  }

  /** Written whole and renamed into place, so a crash never leaves half a file. */
  private save(): void {
    const file = this.file();
    if (!file) return;
    mkdirSync(this.options.dataDir!, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify({ schedules: [...this.schedules.values()] }, null, 2));
    renameSync(`${file}.tmp`, file);
  }

  private file(): string | undefined {
    return this.options.dataDir && join(this.options.dataDir, STORE_FILE);
  }
}

/** Starts a scheduler endpoint on `options.port` (or a free port) and its firing timer. */
export async function startScheduler(options: SchedulerOptions = {}): Promise<LocalScheduler> {
  const scheduler = new LocalScheduler(options);
  await scheduler.listen();
  return scheduler;
}

const key = (groupName: string, name: string) => `${groupName}/${name}`;
const notFound = (groupName: string, name: string) =>
  new AwsError('ResourceNotFoundException', `Schedule ${name} does not exist in group ${groupName}.`, 404);

function view({ dueAt: _dueAt, firedAt: _firedAt, ...schedule }: StoredSchedule): Schedule {
  return schedule;
}

function dueAt(body: Record<string, unknown>): number {
  try {
    return atExpressionTime(
      String(body.ScheduleExpression),
      body.ScheduleExpressionTimezone ? String(body.ScheduleExpressionTimezone) : undefined,
    );
  } catch (err) {
    if (err instanceof BadScheduleExpressionError) throw new AwsError('ValidationException', err.message);
    throw err;
  }
}

function validated(
  name: string,
  groupName: string,
  body: Record<string, unknown>,
): Omit<Schedule, 'Arn' | 'CreationDate' | 'LastModificationDate'> {
  const target = body.Target as ScheduleTarget | undefined;
  const window = body.FlexibleTimeWindow as Schedule['FlexibleTimeWindow'] | undefined;
  if (!/^[0-9a-zA-Z-_.]{1,64}$/.test(name)) throw new AwsError('ValidationException', `Invalid schedule name ${name}`);
  if (typeof body.ScheduleExpression !== 'string') throw new AwsError('ValidationException', 'ScheduleExpression is required');
  if (!target?.Arn || !target.RoleArn) throw new AwsError('ValidationException', 'Target.Arn and Target.RoleArn are required');
  if (!window?.Mode) throw new AwsError('ValidationException', 'FlexibleTimeWindow.Mode is required');
  const optional = (field: string) => (body[field] === undefined ? {} : { [field]: body[field] });
  return {
    Name: name,
    GroupName: groupName,
    ScheduleExpression: body.ScheduleExpression,
    Target: target,
    FlexibleTimeWindow: window,
    State: body.State === 'DISABLED' ? 'DISABLED' : 'ENABLED',
    ActionAfterCompletion: body.ActionAfterCompletion === 'DELETE' ? 'DELETE' : 'NONE',
    ...optional('ScheduleExpressionTimezone'),
    ...optional('Description'),
    ...optional('StartDate'),
    ...optional('EndDate'),
  };
}
