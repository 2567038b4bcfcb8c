import { page } from '../common.ts';
import { TimelineItem, TimelineQuery } from '../timeline.ts';
import { perRecordKind, RECORD_NAMES } from '../endpoints.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default perRecordKind((kind) => ({
  timeline: {
    summary: `A ${RECORD_NAMES[kind]}'s events, notes and tasks, newest first`,
    query: TimelineQuery,
    response: page(TimelineItem),
  },
})) satisfies GroupOperations<'timeline'>;
