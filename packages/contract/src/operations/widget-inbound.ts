import { CallRecorded, CallReport, InboundAnswer } from '../widgets.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'widgetInbound.calls': {
    summary: "The PBX's call report (public, the account's call key): a known number gets a call note, an unknown one an incoming request",
    body: CallReport,
    response: CallRecorded,
    status: 202,
  },
  'widgetInbound.post': {
    summary: "A widget's public endpoint (its own protocol: JSON or form-encoded), keyed by the account's inbound key",
    response: InboundAnswer,
  },
  'widgetInbound.hook': {
    summary: "A widget's named public endpoint, e.g. the SMS gateway's delivery status callback",
    response: InboundAnswer,
  },
} as const satisfies GroupOperations<'widgetInbound'>;
