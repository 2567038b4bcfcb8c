// The incoming desk as widgets use it (issue 13's incoming branch builds it in core as
// `findContactByPhoneOrEmail` and `receiveIncoming`). Until that branch is merged here the
// two are looked up at run time, so this branch builds alone; a call for a missing one is a 503.
import * as core from '@crm/core';

export interface DeskContact {
  contactId: string;
}

export interface IncomingDesk {
  findContactByPhoneOrEmail(accountId: string, by: { phone?: string | null; email?: string | null }): Promise<DeskContact | null>;
  receiveIncoming(
    accountId: string,
    input: { source: string; name?: string; phone?: string; email?: string; message?: string; meta?: Record<string, unknown> },
    options?: { actor?: core.Caller['actor']; dedupKey?: string },
  ): Promise<{ id: string }>;
}

export function desk(): IncomingDesk {
  const found = core as unknown as Partial<IncomingDesk>;
  if (!found.findContactByPhoneOrEmail || !found.receiveIncoming) throw core.unavailable('Incoming requests are not available yet', 60);
  return found as IncomingDesk;
}
