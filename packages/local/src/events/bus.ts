// The local EventBridge: a node:http endpoint speaking the JSON 1.1 API that
// @aws-sdk/client-eventbridge uses (PutEvents, rules and targets, TestEventPattern), rules
// matched with the EventBridge pattern matcher, and retried delivery to in-process targets.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { EVENT_BUS_NAME, LOCAL_REGION } from '../config.ts';
import { AwsError, close, isoSeconds, listen, LOCAL_ACCOUNT, readJson, sendError, sendJson, signedRegion } from './aws-http.ts';
import { Deliveries, type DeadLetter, type RetryPolicy } from './delivery.ts';
import { compilePattern, InvalidEventPatternError, type EventMatcher, type EventPattern } from './pattern.ts';

/** An event as EventBridge hands it to a rule target. */
export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

export type EventTarget = (event: BusEvent) => Promise<void>;

export interface RuleDefinition {
  name: string;
  pattern: EventPattern | string;
  target: EventTarget;
  /** The project's bus unless said otherwise. */
  eventBusName?: string;
}

export interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  /** Epoch seconds, as the SDK sends it. */
  Time?: number;
}

export interface PutEventsResultEntry {
  EventId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

export interface EventBusOptions {
  port?: number;
  busNames?: string[];
  retry?: RetryPolicy;
  log?: (line: string) => void;
}

interface Rule {
  name: string;
  busName: string;
  pattern: string;
  matches: EventMatcher;
  enabled: boolean;
  targets: Map<string, { arn: string; invoke: EventTarget }>;
}

const JSON_11 = 'application/x-amz-json-1.1';
const MAX_ENTRIES = 10;
const MAX_REQUEST_BYTES = 256 * 1024;
const IN_PROCESS = 'in-process';

export class LocalEventBus {
  readonly deliveries: Deliveries<BusEvent>;
  endpoint = '';
  private readonly rules = new Map<string, Rule>();
  private readonly arnTargets = new Map<string, EventTarget>();
  private readonly busNames: Set<string>;
  private server?: Server;

  constructor(private readonly options: EventBusOptions = {}) {
    this.busNames = new Set(options.busNames ?? ['default', EVENT_BUS_NAME]);
    this.deliveries = new Deliveries(options.retry, options.log);
  }

  get deadLetters(): DeadLetter<BusEvent>[] {
    return this.deliveries.deadLetters;
  }

  /** Registers (or replaces) a rule whose one target is an in-process function. */
  addRule({ name, pattern, target, eventBusName = EVENT_BUS_NAME }: RuleDefinition): void {
    const rule = this.putRule(name, eventBusName, typeof pattern === 'string' ? pattern : JSON.stringify(pattern), true);
    rule.targets.set(IN_PROCESS, { arn: IN_PROCESS, invoke: target });
  }

  removeRule(name: string, eventBusName = EVENT_BUS_NAME): void {
    this.rules.delete(ruleKey(this.busName(eventBusName), name));
  }

  /** What a target ARN given through PutTargets calls (a Lambda function's ARN, say). */
  registerTarget(arn: string, target: EventTarget): void {
    this.arnTargets.set(arn, target);
  }

  /** PutEvents, in process: validates each entry and routes the good ones to matching rules. */
  putEvents(entries: PutEventsEntry[], region = LOCAL_REGION): PutEventsResultEntry[] {
    return entries.map((entry) => {
      try {
        const busName = this.busName(entry.EventBusName ?? 'default');
        const event = toBusEvent(entry, region);
        this.route(busName, event);
        return { EventId: event.id };
      } catch (err) {
        const aws = err instanceof AwsError ? err : new AwsError('InternalFailure', String(err));
        return { ErrorCode: aws.type, ErrorMessage: aws.message };
      }
    });
  }

  /** Resolves once every delivery under way (and those it caused) is done. */
  idle(): Promise<void> {
    return this.deliveries.idle();
  }

  async listen(port = this.options.port ?? 0): Promise<string> {
    this.server = createServer((req, res) => {
      const operation = String(req.headers['x-amz-target'] ?? '').replace(/^AWSEvents\./, '');
      readJson(req)
        .then((body) => sendJson(res, 200, this.call(operation, body, signedRegion(req)), JSON_11))
        .catch((err) => sendError(res, err, JSON_11));
    });
    this.endpoint = `http://127.0.0.1:${await listen(this.server, port)}`;
    return this.endpoint;
  }

  async close(): Promise<void> {
    this.deliveries.stop();
    if (this.server) await close(this.server);
  }

  private route(busName: string, event: BusEvent): void {
    for (const rule of this.rules.values()) {
      if (rule.busName !== busName || !rule.enabled || !rule.matches(event)) continue;
      for (const [id, target] of rule.targets) {
        void this.deliveries.send(`${rule.name}/${id}`, event, target.invoke);
      }
    }
  }

  private putRule(name: string, busName: string, pattern: string, enabled: boolean): Rule {
    const key = ruleKey(this.busName(busName), name);
    const matches = compile(pattern);
    const existing = this.rules.get(key);
    const rule: Rule = { name, busName: this.busName(busName), pattern, matches, enabled, targets: existing?.targets ?? new Map() };
    this.rules.set(key, rule);
    return rule;
  }

  private rule(name: unknown, busName: unknown): Rule {
    const rule = this.rules.get(ruleKey(this.busName(String(busName ?? 'default')), String(name)));
    if (!rule) throw new AwsError('ResourceNotFoundException', `Rule ${name} does not exist on EventBus ${busName ?? 'default'}.`);
    return rule;
  }

  /** A bus name or ARN to the bus name; unknown buses fail as in AWS. */
  private busName(nameOrArn: string): string {
    const name = nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    if (!this.busNames.has(name)) throw new AwsError('ResourceNotFoundException', `Event bus ${name} does not exist.`);
    return name;
  }

  private call(operation: string, body: Record<string, unknown>, region: string): unknown {
    const arn = (rule: Rule) =>
      `arn:aws:events:${region}:${LOCAL_ACCOUNT}:rule/${rule.busName === 'default' ? '' : `${rule.busName}/`}${rule.name}`;
    switch (operation) {
      case 'PutEvents': {
        const entries = (body.Entries ?? []) as PutEventsEntry[];
        if (!Array.isArray(entries) || entries.length < 1 || entries.length > MAX_ENTRIES) {
          throw new AwsError('ValidationException', `Entries must hold 1 to ${MAX_ENTRIES} events.`);
        }
        if (Buffer.byteLength(JSON.stringify(entries)) > MAX_REQUEST_BYTES) {
          throw new AwsError('ValidationException', 'Total size of the entries in the request is over the limit.');
        }
        const results = this.putEvents(entries, region);
        return { FailedEntryCount: results.filter((r) => r.ErrorCode).length, Entries: results };
      }
      case 'PutRule': {
        if (typeof body.EventPattern !== 'string')
          throw new AwsError('ValidationException', 'Only rules with an EventPattern are supported locally.');
        const rule = this.putRule(String(body.Name), String(body.EventBusName ?? 'default'), body.EventPattern, body.State !== 'DISABLED');
        return { RuleArn: arn(rule) };
      }
      case 'DeleteRule':
        this.rules.delete(ruleKey(this.busName(String(body.EventBusName ?? 'default')), String(body.Name)));
        return {};
      case 'ListRules': {
        const busName = this.busName(String(body.EventBusName ?? 'default'));
        const prefix = String(body.NamePrefix ?? '');
        const rules = [...this.rules.values()].filter((r) => r.busName === busName && r.name.startsWith(prefix));
        return {
          Rules: rules.map((r) => ({
            Name: r.name,
            Arn: arn(r),
            EventPattern: r.pattern,
            State: r.enabled ? 'ENABLED' : 'DISABLED',
            EventBusName: r.busName,
          })),
        };
      }
      case 'PutTargets': {
        const rule = this.rule(body.Rule, body.EventBusName);
        for (const { Id, Arn } of (body.Targets ?? []) as { Id: string; Arn: string }[]) {
          rule.targets.set(Id, { arn: Arn, invoke: (event) => this.invokeArn(Arn, event) });
        }
        return { FailedEntryCount: 0, FailedEntries: [] };
      }
      case 'RemoveTargets': {
        const rule = this.rule(body.Rule, body.EventBusName);
        for (const id of (body.Ids ?? []) as string[]) rule.targets.delete(id);
        return { FailedEntryCount: 0, FailedEntries: [] };
      }
      case 'ListTargetsByRule': {
        const rule = this.rule(body.Rule, body.EventBusName);
        return { Targets: [...rule.targets].map(([Id, t]) => ({ Id, Arn: t.arn })) };
      }
      case 'TestEventPattern':
        return { Result: compile(String(body.EventPattern))(JSON.parse(String(body.Event))) };
      default:
        throw new AwsError('UnknownOperationException', `The local EventBridge does not support ${operation || 'this request'}.`);
    }
  }

  private async invokeArn(arn: string, event: BusEvent): Promise<void> {
    const target = this.arnTargets.get(arn);
    if (!target) throw new Error(`no in-process target is registered for ${arn}`);
    await target(event);
  }
}

/** Starts a bus on `options.port` (or a free port). */
export async function startEventBus(options: EventBusOptions = {}): Promise<LocalEventBus> {
  const bus = new LocalEventBus(options);
  await bus.listen();
  return bus;
}

const ruleKey = (busName: string, name: string) => `${busName}/${name}`;

function compile(pattern: string): EventMatcher {
  try {
    return compilePattern(pattern);
  } catch (err) {
    if (err instanceof InvalidEventPatternError)
      throw new AwsError('InvalidEventPatternException', `Event pattern is not valid. Reason: ${err.message}`);
    throw err;
  }
}

function toBusEvent(entry: PutEventsEntry, region: string): BusEvent {
  const missing = (['Source', 'DetailType', 'Detail'] as const).find((field) => !entry[field]);
  if (missing) throw new AwsError('InvalidArgument', `Parameter ${missing} is not valid. Reason: ${missing} is a required argument.`);
  let detail: unknown;
  try {
    detail = JSON.parse(entry.Detail!);
  } catch {
    /* checked below */
  }
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
    throw new AwsError('MalformedDetail', 'Detail is malformed.');
  }
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': entry.DetailType!,
    source: entry.Source!,
    account: LOCAL_ACCOUNT,
    time: isoSeconds(entry.Time === undefined ? new Date() : new Date(Number(entry.Time) * 1000)),
    region,
    resources: entry.Resources ?? [],
    detail,
  };
}
