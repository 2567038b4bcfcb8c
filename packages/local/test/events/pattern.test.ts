// Table-driven cases for the local EventBridge pattern matcher, mostly the examples of the
// AWS EventBridge user guide (content filtering, arrays, null values) and of aws/event-ruler.
import { describe, expect, it } from 'vitest';
import { compilePattern, InvalidEventPatternError } from '../../src/events/pattern.ts';

const ec2Event = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
    eventVersion: '',
    responseElements: null,
    service: 'EventBridge',
    FileName: 'photo.PNG',
    FilePath: '/usr/lib/libc.so',
    enabled: true,
    cost: { amount: 100 },
  },
};

const employees = {
  employees: [
    { firstName: 'John', lastName: 'Doe' },
    { firstName: 'Anna', lastName: 'Smith' },
    { firstName: 'Peter', lastName: 'Jones' },
  ],
};

const metric = {
  source: 'aws.cloudwatch',
  metricName: 'NetworkIn',
  namespace: 'AWS/EC2',
  metricType: 'MetricType',
  scope: 'Instance',
  detail: { source: 'x', 'detail-type': 'CloudWatch Alarm State Change' },
};

const leadMoved = {
  source: 'crm',
  'detail-type': 'lead.stage_changed',
  detail: {
    accountId: 'acc1',
    entity: { type: 'lead', id: 'l1' },
    data: { price: 1500 },
    changes: [{ field: 'stageId', from: 's1', to: 's2' }],
  },
};

const streamInsert = { eventName: 'INSERT', dynamodb: { NewImage: { __edb_e__: { S: 'event' }, pk: { S: 'x' } } } };

type Row = [name: string, pattern: Record<string, unknown>, event: unknown, matches: boolean];

const rows: Row[] = [
  // Event pattern syntax / simple matching
  [
    'all named fields match',
    {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
      detail: { state: ['initializing', 'running'] },
    },
    ec2Event,
    true,
  ],
  ['a value list is an OR', { source: ['aws.ec2', 'aws.fargate'] }, ec2Event, true],
  ['no listed value matches', { detail: { state: ['initializing'] } }, ec2Event, false],
  ['exact matching is case-sensitive', { source: ['AWS.EC2'] }, ec2Event, false],
  ['a field absent from the event fails', { detail: { missing: ['x'] } }, ec2Event, false],
  ['a nested object absent from the event fails', { nothing: { here: ['x'] } }, ec2Event, false],
  ['fields not in the pattern are ignored', {}, ec2Event, true],
  ['numbers match as numbers', { detail: { 'c-count': [5] } }, ec2Event, true],
  ['3.018e2 equals 301.8', { detail: { 'x-limit': [3.018e2] } }, ec2Event, true],
  ['a string does not match a number', { detail: { 'c-count': ['5'] } }, ec2Event, false],
  ['true matches a JSON true', { detail: { enabled: [true] } }, ec2Event, true],
  ['"true" does not match a JSON true', { detail: { enabled: ['true'] } }, ec2Event, false],
  ['a leaf rule does not match an object', { detail: { cost: ['x'] } }, ec2Event, false],
  // Null values and empty strings
  ['empty string matches empty string', { detail: { eventVersion: [''] } }, ec2Event, true],
  ['null matches null', { detail: { responseElements: [null] } }, ec2Event, true],
  ['empty string does not match null', { detail: { responseElements: [''] } }, ec2Event, false],
  ['null does not match empty string', { detail: { eventVersion: [null] } }, ec2Event, false],
  ['null does not match an absent field', { detail: { missing: [null] } }, ec2Event, false],
  // Prefix, suffix, equals-ignore-case
  ['prefix on time', { time: [{ prefix: '2017-10-02' }] }, ec2Event, true],
  ['prefix that does not match', { region: [{ prefix: 'eu-' }] }, ec2Event, false],
  ['prefix works on strings only', { detail: { 'c-count': [{ prefix: '5' }] } }, ec2Event, false],
  ['prefix ignoring case', { detail: { service: [{ prefix: { 'equals-ignore-case': 'eventb' } }] } }, ec2Event, true],
  ['suffix', { source: [{ suffix: 'ec2' }] }, ec2Event, true],
  ['suffix is case-sensitive', { detail: { FileName: [{ suffix: '.png' }] } }, ec2Event, false],
  ['suffix ignoring case', { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } }, ec2Event, true],
  ['equals-ignore-case', { source: [{ 'equals-ignore-case': 'AWS.EC2' }] }, ec2Event, true],
  ['equals-ignore-case is still whole-value', { source: [{ 'equals-ignore-case': 'AWS' }] }, ec2Event, false],
  // Wildcard
  ['wildcard in the middle', { source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleQueueService' }, true],
  ['wildcard must cover the whole value', { source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleQueue' }, false],
  ['wildcard on both ends', { detail: { FilePath: [{ wildcard: '*/lib/*' }] } }, ec2Event, true],
  ['escaped asterisk is literal', { name: [{ wildcard: 'a\\*b' }] }, { name: 'a*b' }, true],
  ['escaped asterisk is not a wildcard', { name: [{ wildcard: 'a\\*b' }] }, { name: 'axb' }, false],
  ['regex characters are literal in wildcard', { name: [{ wildcard: 'a.b*' }] }, { name: 'axbc' }, false],
  // Anything-but
  ['anything-but a string', { detail: { state: [{ 'anything-but': 'initializing' }] } }, ec2Event, true],
  ['anything-but the value itself', { detail: { state: [{ 'anything-but': 'running' }] } }, ec2Event, false],
  ['anything-but a number', { detail: { 'x-limit': [{ 'anything-but': 123 }] } }, ec2Event, true],
  ['anything-but a list of strings', { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } }, ec2Event, true],
  ['anything-but a list holding the value', { detail: { state: [{ 'anything-but': ['stopped', 'running'] }] } }, ec2Event, false],
  ['anything-but a list of numbers', { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }, ec2Event, true],
  ['anything-but a prefix', { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, ec2Event, true],
  ['anything-but a matching prefix', { source: [{ 'anything-but': { prefix: 'aws.' } }] }, ec2Event, false],
  ['anything-but a suffix', { detail: { FileName: [{ 'anything-but': { suffix: '.jpg' } }] } }, ec2Event, true],
  ['anything-but a matching suffix', { detail: { FileName: [{ 'anything-but': { suffix: '.PNG' } }] } }, ec2Event, false],
  ['anything-but ignoring case', { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'RUNNING' } }] } }, ec2Event, false],
  [
    'anything-but ignoring case, list',
    { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['stopped', 'INIT'] } }] } },
    ec2Event,
    true,
  ],
  ['anything-but a wildcard', { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } }, ec2Event, false],
  ['anything-but a non-matching wildcard', { detail: { FilePath: [{ 'anything-but': { wildcard: '*/bin/*' } }] } }, ec2Event, true],
  ['anything-but needs the field to exist', { detail: { missing: [{ 'anything-but': 'x' }] } }, ec2Event, false],
  ['anything-but excludes CloudTrail detail-type', { 'detail-type': [{ 'anything-but': 'AWS API Call via CloudTrail' }] }, ec2Event, true],
  // Numeric
  [
    'numeric ranges, all true',
    {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    },
    ec2Event,
    true,
  ],
  ['numeric exclusive upper bound', { detail: { 'c-count': [{ numeric: ['>', 0, '<', 5] }] } }, ec2Event, false],
  ['numeric >=', { detail: { 'c-count': [{ numeric: ['>=', 5] }] } }, ec2Event, true],
  ['numeric >', { detail: { 'c-count': [{ numeric: ['>', 5] }] } }, ec2Event, false],
  ['numeric ignores strings', { value: [{ numeric: ['>', 0] }] }, { value: '5' }, false],
  // IP address
  ['cidr contains the address', { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } }, ec2Event, true],
  ['cidr does not contain the address', { detail: { 'source-ip': [{ cidr: '10.0.1.0/24' }] } }, ec2Event, false],
  // Exists
  ['exists true on a present field', { detail: { state: [{ exists: true }] } }, ec2Event, true],
  ['exists true on an absent field', { detail: { 'e-count': [{ exists: true }] } }, ec2Event, false],
  ['exists false on an absent field', { detail: { 'e-count': [{ exists: false }] } }, ec2Event, true],
  ['exists false on a present field', { detail: { state: [{ exists: false }] } }, ec2Event, false],
  [
    'exists false on a non-leaf (docs example)',
    { detail: { 'c-count': [{ exists: false }] } },
    { detail: { state: ['initializing', 'running'], 'c-count': { c1: 100 } } },
    true,
  ],
  ['exists false with the parent absent', { detail: { 'c-count': [{ exists: false }] } }, { source: 'x' }, true],
  ['exists true on null', { detail: { responseElements: [{ exists: true }] } }, ec2Event, true],
  // Arrays
  [
    'pattern and event arrays intersect',
    {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    },
    {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    },
    true,
  ],
  ['pattern and event arrays do not intersect', { resources: ['arn:x'] }, { resources: ['arn:y', 'arn:z'] }, false],
  ['an object inside an array', { employees: { firstName: ['Anna'] } }, employees, true],
  ['fields from one array element', { employees: { firstName: ['Anna'], lastName: ['Smith'] } }, employees, true],
  ['fields from two array elements do not combine', { employees: { firstName: ['Anna'], lastName: ['Jones'] } }, employees, false],
  // $or
  [
    '$or: source and one of two fields',
    { source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }] },
    metric,
    true,
  ],
  [
    '$or: no branch matches',
    { source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/ES'] }] },
    metric,
    false,
  ],
  [
    '$or: AND outside still applies',
    { source: ['aws.ec2'], $or: [{ metricName: ['NetworkIn'] }, { namespace: ['AWS/EC2'] }] },
    metric,
    false,
  ],
  [
    '$or in parallel, nested under detail',
    {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    },
    metric,
    true,
  ],
  [
    '$or with an AND inside',
    {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization'] }, { metricType: ['MetricType'], namespace: ['AWS/EC2', 'AWS/ES'] }, { scope: ['Service'] }],
    },
    metric,
    true,
  ],
  [
    '$or with an AND inside that fails',
    {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization'] }, { metricType: ['Other'], namespace: ['AWS/EC2'] }, { scope: ['Service'] }],
    },
    metric,
    false,
  ],
  [
    'nested $or',
    {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization'] }, { metricType: ['MetricType'], $or: [{ metricId: [1234] }, { scope: ['Instance'] }] }],
    },
    metric,
    true,
  ],
  ['$or as a plain field name (object value)', { $or: { metricType: ['MetricType'] } }, { $or: { metricType: 'MetricType' } }, true],
  // The complex example
  [
    'complex example',
    {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
      },
    },
    ec2Event,
    true,
  ],
  // The CRM's own patterns
  ['CRM: lead events by prefix', { source: ['crm'], 'detail-type': [{ prefix: 'lead.' }] }, leadMoved, true],
  ['CRM: a change of stage in the changes list', { detail: { changes: { field: ['stageId'], to: ['s2'] } } }, leadMoved, true],
  ['CRM: budget over a threshold', { detail: { data: { price: [{ numeric: ['>=', 1000] }] } } }, leadMoved, true],
  [
    'CRM: the Pipe filter takes event-item inserts',
    { eventName: ['INSERT'], dynamodb: { NewImage: { __edb_e__: { S: ['event'] } } } },
    streamInsert,
    true,
  ],
  [
    'CRM: the Pipe filter drops modifications',
    { eventName: ['INSERT'], dynamodb: { NewImage: { __edb_e__: { S: ['event'] } } } },
    { ...streamInsert, eventName: 'MODIFY' },
    false,
  ],
];

const invalidPatterns: [name: string, pattern: unknown][] = [
  ['not an object', ['aws.ec2']],
  ['a leaf that is not an array', { source: 'aws.ec2' }],
  ['an empty value list', { source: [] }],
  ['an unknown operator', { source: [{ contains: 'ec2' }] }],
  ['two operators in one object', { source: [{ prefix: 'a', suffix: 'b' }] }],
  ['a numeric range with a bad operator', { n: [{ numeric: ['>>', 1] }] }],
  ['a numeric range with a string bound', { n: [{ numeric: ['>', '1'] }] }],
  ['exists that is not a boolean', { n: [{ exists: 'yes' }] }],
  ['consecutive wildcards', { n: [{ wildcard: 'a**b' }] }],
  ['a backslash escaping a letter', { n: [{ wildcard: 'a\\b' }] }],
  ['anything-but mixing strings and numbers', { n: [{ 'anything-but': ['a', 1] }] }],
  ['anything-but numeric', { n: [{ 'anything-but': { numeric: ['>', 1] } }] }],
  ['a bad cidr', { ip: [{ cidr: '10.0.0.0/40' }] }],
  ['invalid JSON text', '{ "source": '],
  ['$or with a single branch (then a plain field holding an object)', { $or: [{ metricName: ['NetworkIn'] }] }],
];

describe('Function: compilePattern', () => {
  it.each(rows)('%s', (_name, pattern, event, matches) => {
    // Act
    const matcher = compilePattern(pattern);
    // Assess
    expect(matcher(event)).toBe(matches);
  });

  it('accepts the pattern as JSON text, as PutRule sends it', () => {
    expect(compilePattern('{"source":["aws.ec2"]}')(ec2Event)).toBe(true);
  });

  it.each(invalidPatterns)('rejects %s', (_name, pattern) => {
    expect(() => compilePattern(pattern)).toThrow(InvalidEventPatternError);
  });
});
