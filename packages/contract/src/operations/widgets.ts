import { Widget, WidgetActionResult, WidgetActionRun, WidgetList, WidgetPut } from '../widgets.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'widgets.list': {
    summary: 'The installed widgets, their manifests and their settings for the account (secrets never)',
    response: WidgetList,
  },
  'widgets.put': {
    summary: 'Enable or disable a widget and save its settings (admin); a secret left out keeps its stored value',
    body: WidgetPut,
    response: Widget,
  },
  'widgets.action': {
    summary: "Run a widget's card action (Call, Send SMS) on a lead or contact the caller may view",
    body: WidgetActionRun,
    response: WidgetActionResult,
    status: 202,
  },
} as const satisfies GroupOperations<'widgets'>;
