// EventBridge event-pattern matching (content filtering as AWS documents it), used by the
// local bus for rules and by the stream poller for the Pipe filter. A pattern is compiled once.
export type EventPattern = Record<string, unknown>;
export type EventMatcher = (event: unknown) => boolean;

type Leaf = string | number | boolean | null;
type LeafTest = (values: Leaf[]) => boolean;
type ObjectTest = (value: Record<string, unknown>) => boolean;

export class InvalidEventPatternError extends Error {
  override name = 'InvalidEventPatternException';
}

const invalid = (message: string): never => {
  throw new InvalidEventPatternError(message);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLeaf = (v: unknown): v is Leaf => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const fold = (s: string) => s.toUpperCase().toLowerCase();

export function compilePattern(pattern: unknown): EventMatcher {
  if (typeof pattern === 'string') pattern = parsePatternJson(pattern);
  if (!isObject(pattern)) return invalid('An event pattern must be a JSON object');
  const test = compileObject(pattern);
  return (event) => test(isObject(event) ? event : {});
}

function parsePatternJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return invalid('Event pattern is not valid JSON');
  }
}

function compileObject(pattern: Record<string, unknown>): ObjectTest {
  const tests = Object.entries(pattern).map(([key, rule]): ObjectTest => {
    if (key === '$or' && isOrList(rule)) {
      const branches = rule.map(compileObject);
      return (value) => branches.some((branch) => branch(value));
    }
    if (Array.isArray(rule)) {
      const test = compileLeafRule(key, rule);
      return (value) => test(leafValues(value[key]));
    }
    if (isObject(rule)) {
      const test = compileObject(rule);
      return (value) => childObjects(value[key]).some(test);
    }
    return invalid(`"${key}" must be an object or an array`);
  });
  return (value) => tests.every((test) => test(value));
}

/** `$or` is the OR primitive only as a list of 2+ field objects; otherwise it is a field name. */
function isOrList(rule: unknown): rule is Record<string, unknown>[] {
  return Array.isArray(rule) && rule.length >= 2 && rule.every((b) => isObject(b) && !Object.keys(b).some((k) => k in OPERATORS));
}

/** Values of a leaf field; arrays are flattened (any element may match), objects are not leaves. */
function leafValues(value: unknown): Leaf[] {
  if (Array.isArray(value)) return value.flatMap(leafValues);
  return isLeaf(value) ? [value] : [];
}

/** Objects a nested pattern is tried against: each element of an array of objects, or none. */
function childObjects(value: unknown): Record<string, unknown>[] {
  const objects = (Array.isArray(value) ? value.flat(Infinity) : [value]).filter(isObject);
  return objects.length ? objects : [{}];
}

function compileLeafRule(key: string, rule: unknown[]): LeafTest {
  if (rule.length === 0) invalid(`"${key}" has an empty array`);
  const tests = rule.map((matcher): LeafTest => {
    if (isLeaf(matcher)) return (values) => values.some((v) => v === matcher);
    if (!isObject(matcher)) return invalid(`"${key}" has a value that is neither a literal nor an operator object`);
    const entries = Object.entries(matcher);
    if (entries.length !== 1) return invalid(`"${key}" has an operator object without exactly one operator`);
    const [operator, argument] = entries[0]!;
    const compile = OPERATORS[operator];
    return compile ? compile(argument, key) : invalid(`"${key}" uses the unknown operator "${operator}"`);
  });
  return (values) => tests.some((test) => test(values));
}

type ValueTest = (value: Leaf) => boolean;
const anyValue =
  (test: ValueTest): LeafTest =>
  (values) =>
    values.some(test);
const onStrings =
  (test: (s: string) => boolean): ValueTest =>
  (v) =>
    typeof v === 'string' && test(v);

const OPERATORS: Record<string, (argument: unknown, key: string) => LeafTest> = {
  prefix: (arg, key) => anyValue(onStrings(affixTest(arg, key, (s, p) => s.startsWith(p)))),
  suffix: (arg, key) => anyValue(onStrings(affixTest(arg, key, (s, p) => s.endsWith(p)))),
  'equals-ignore-case': (arg, key) => anyValue(onStrings(ignoreCaseTest(arg, key))),
  wildcard: (arg, key) => anyValue(onStrings(wildcardTest(arg, key))),
  'anything-but': (arg, key) => {
    const excluded = exclusionTest(arg, key);
    return anyValue((v) => !excluded(v));
  },
  numeric: (arg, key) => anyValue(numericTest(arg, key)),
  cidr: (arg, key) => anyValue(onStrings(cidrTest(arg, key))),
  exists: (arg, key) => {
    if (typeof arg !== 'boolean') invalid(`"${key}": exists takes true or false`);
    return (values) => values.length > 0 === arg;
  },
};

function requireString(arg: unknown, key: string, operator: string): string {
  return typeof arg === 'string' ? arg : invalid(`"${key}": ${operator} takes a string`);
}

/** prefix/suffix take a string or `{ "equals-ignore-case": string }`. */
function affixTest(arg: unknown, key: string, has: (s: string, affix: string) => boolean) {
  if (isObject(arg) && Object.keys(arg).length === 1 && 'equals-ignore-case' in arg) {
    const affix = fold(requireString(arg['equals-ignore-case'], key, 'equals-ignore-case'));
    return (s: string) => has(fold(s), affix);
  }
  const affix = requireString(arg, key, 'prefix/suffix');
  return (s: string) => has(s, affix);
}

function ignoreCaseTest(arg: unknown, key: string) {
  const wanted = fold(requireString(arg, key, 'equals-ignore-case'));
  return (s: string) => fold(s) === wanted;
}

/** `*` is any run of characters; `\*` and `\\` are a literal asterisk and backslash. */
function wildcardTest(arg: unknown, key: string) {
  const text = requireString(arg, key, 'wildcard');
  if (text.includes('**')) invalid(`"${key}": consecutive wildcard characters are not allowed`);
  let source = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '*') source += '.*';
    else if (ch === '\\') {
      const next = text[++i];
      if (next !== '*' && next !== '\\') invalid(`"${key}": a backslash may only escape * or \\`);
      source += `\\${next}`;
    } else source += ch.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&');
  }
  const regex = new RegExp(`^${source}$`, 's');
  return (s: string) => regex.test(s);
}

/** What anything-but excludes: literals (one or a list of one kind), or a string operator. */
function exclusionTest(arg: unknown, key: string): ValueTest {
  if (typeof arg === 'string' || typeof arg === 'number') return (v) => v === arg;
  if (Array.isArray(arg)) {
    const kinds = new Set(arg.map((a) => typeof a));
    if (arg.length === 0 || kinds.size !== 1 || !(kinds.has('string') || kinds.has('number'))) {
      invalid(`"${key}": anything-but takes a list of only strings or only numbers`);
    }
    return (v) => arg.includes(v);
  }
  if (!isObject(arg) || Object.keys(arg).length !== 1) return invalid(`"${key}": anything-but takes a value, a list or one operator`);
  const [operator, inner] = Object.entries(arg)[0]!;
  const each = (make: (one: unknown) => (s: string) => boolean) => {
    const tests = (Array.isArray(inner) ? inner : [inner]).map(make);
    return onStrings((s) => tests.some((t) => t(s)));
  };
  switch (operator) {
    case 'prefix': {
      const prefix = requireString(inner, key, 'prefix');
      return onStrings((s) => s.startsWith(prefix));
    }
    case 'suffix': {
      const suffix = requireString(inner, key, 'suffix');
      return onStrings((s) => s.endsWith(suffix));
    }
    case 'equals-ignore-case':
      return each((one) => ignoreCaseTest(one, key));
    case 'wildcard':
      return each((one) => wildcardTest(one, key));
    default:
      return invalid(`"${key}": anything-but does not support "${operator}"`);
  }
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** `["op", n]` or `["op", n, "op", m]`; applies to JSON numbers only. */
function numericTest(arg: unknown, key: string): ValueTest {
  if (!Array.isArray(arg) || (arg.length !== 2 && arg.length !== 4)) return invalid(`"${key}": numeric takes [op, n] or [op, n, op, m]`);
  const checks = [0, 2]
    .filter((i) => i < arg.length)
    .map((i) => {
      const [op, bound] = [arg[i], arg[i + 1]];
      const compare = typeof op === 'string' ? COMPARE[op] : undefined;
      if (!compare || typeof bound !== 'number') return invalid(`"${key}": numeric has a bad comparison at ${i}`);
      return (n: number) => compare(n, bound);
    });
  return (v) => typeof v === 'number' && checks.every((check) => check(v));
}

/** IPv4 CIDR blocks only (IPv6 is not used by the CRM). */
function cidrTest(arg: unknown, key: string) {
  const [base, bits] = requireString(arg, key, 'cidr').split('/');
  const prefixLength = Number(bits);
  const network = ipv4(base ?? '');
  if (network === undefined || !Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > 32) {
    return invalid(`"${key}": cidr takes an IPv4 block like 10.0.0.0/24`);
  }
  const mask = prefixLength === 0 ? 0 : (~0 << (32 - prefixLength)) >>> 0;
  return (s: string) => {
    const ip = ipv4(s);
    return ip !== undefined && (ip & mask) >>> 0 === (network & mask) >>> 0;
  };
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) < 256)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}
