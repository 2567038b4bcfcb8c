import { page } from '../common.ts';
import { TagInUse, TagListQuery } from '../tags.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'tags.list': { summary: 'Tags in use, with counts', query: TagListQuery, response: page(TagInUse) },
} as const satisfies GroupOperations<'tags'>;
