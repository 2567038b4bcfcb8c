// docs/data-model.md shows the entities' keys as they are: its generated table must match them.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { DOC, renderDoc } from '../../../scripts/data-model.ts';

it('documents every entity index exactly as defined (run `npx tsx scripts/data-model.ts` to update)', () => {
  const current = readFileSync(DOC, 'utf8');
  expect(current).toBe(renderDoc(current));
});
