// More table-driven cases of the EventBridge user guide's content filtering, one row per
// operator (exact, prefix, suffix, anything-but, numeric, exists, wildcard, $or), each with an
// event that matches and one that does not, on events shaped like the CRM's envelopes.
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../src/events/pattern.ts';

const lead = (detail: Record<string, unknown>) => ({ source: 'crm', 'detail-type': 'lead.updated', detail });

const cases: Array<[string, Record<string, unknown>, Record<string, unknown>, boolean]> = [
  ['exact string', { detail: { type: ['lead.won'] } }, lead({ type: 'lead.won' }), true],
  ['exact string, other value', { detail: { type: ['lead.won'] } }, lead({ type: 'lead.lost' }), false],
  ['exact number is not a string', { detail: { price: [100] } }, lead({ price: '100' }), false],
  ['exact null', { detail: { companyId: [null] } }, lead({ companyId: null }), true],
  ['exact null is not a missing field', { detail: { companyId: [null] } }, lead({}), false],
  ['array value: any element matches', { detail: { tags: ['vip'] } }, lead({ tags: ['new', 'vip'] }), true],
  ['prefix', { source: [{ prefix: 'cr' }] }, lead({}), true],
  ['prefix, no match', { 'detail-type': [{ prefix: 'contact.' }] }, lead({}), false],
  ['prefix equals-ignore-case', { 'detail-type': [{ prefix: { 'equals-ignore-case': 'LEAD.' } }] }, lead({}), true],
  ['suffix', { 'detail-type': [{ suffix: '.updated' }] }, lead({}), true],
  ['suffix, no match', { 'detail-type': [{ suffix: '.created' }] }, lead({}), false],
  ['anything-but a value', { detail: { status: [{ 'anything-but': 'lost' }] } }, lead({ status: 'open' }), true],
  ['anything-but a value, excluded', { detail: { status: [{ 'anything-but': 'lost' }] } }, lead({ status: 'lost' }), false],
  ['anything-but a list', { detail: { status: [{ 'anything-but': ['won', 'lost'] }] } }, lead({ status: 'won' }), false],
  ['anything-but a prefix', { detail: { stageId: [{ 'anything-but': { prefix: 'tmp-' } }] } }, lead({ stageId: 'tmp-1' }), false],
  ['anything-but a suffix', { detail: { email: [{ 'anything-but': { suffix: '@test' } }] } }, lead({ email: 'a@b.c' }), true],
  ['anything-but does not match a missing field', { detail: { status: [{ 'anything-but': 'lost' }] } }, lead({}), false],
  ['anything-but numbers', { detail: { price: [{ 'anything-but': [0, 1] }] } }, lead({ price: 5 }), true],
  ['numeric range', { detail: { price: [{ numeric: ['>', 0, '<=', 100] }] } }, lead({ price: 100 }), true],
  ['numeric range, outside', { detail: { price: [{ numeric: ['>', 0, '<=', 100] }] } }, lead({ price: 100.5 }), false],
  ['numeric equals', { detail: { price: [{ numeric: ['=', 3.0e2] }] } }, lead({ price: 300 }), true],
  ['numeric on a string never matches', { detail: { price: [{ numeric: ['>', 0] }] } }, lead({ price: '5' }), false],
  ['exists true', { detail: { companyId: [{ exists: true }] } }, lead({ companyId: 'c1' }), true],
  ['exists true, missing', { detail: { companyId: [{ exists: true }] } }, lead({}), false],
  ['exists false, missing', { detail: { companyId: [{ exists: false }] } }, lead({}), true],
  ['exists false, present', { detail: { companyId: [{ exists: false }] } }, lead({ companyId: 'c1' }), false],
  ['wildcard', { 'detail-type': [{ wildcard: 'lead.*d' }] }, lead({}), true],
  ['wildcard, no match', { 'detail-type': [{ wildcard: 'contact.*' }] }, lead({}), false],
  ['wildcard escaped star', { detail: { name: [{ wildcard: 'a\\*b' }] } }, lead({ name: 'a*b' }), true],
  ['wildcard escaped star is literal', { detail: { name: [{ wildcard: 'a\\*b' }] } }, lead({ name: 'axxb' }), false],
  [
    '$or: either branch',
    { detail: { $or: [{ price: [{ numeric: ['>', 1000] }] }, { tags: ['vip'] }] } },
    lead({ price: 5, tags: ['vip'] }),
    true,
  ],
  ['$or: neither branch', { detail: { $or: [{ price: [{ numeric: ['>', 1000] }] }, { tags: ['vip'] }] } }, lead({ price: 5 }), false],
  [
    '$or at the top with other fields (all must hold)',
    { source: ['crm'], $or: [{ 'detail-type': ['lead.won'] }, { detail: { status: ['won'] } }] },
    lead({ status: 'won' }),
    true,
  ],
  ['several values of a field are OR', { 'detail-type': ['lead.created', 'lead.updated'] }, lead({}), true],
  ['several fields are AND', { source: ['crm'], 'detail-type': ['lead.created'] }, lead({}), false],
];

describe('EventBridge patterns as AWS documents them', () => {
  it.each(cases)('%s', (_name, pattern, event, matches) => {
    expect(compilePattern(pattern)(event)).toBe(matches);
  });
});
