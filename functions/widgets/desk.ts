// The incoming desk as widgets use it: core's contact lookup by phone or e-mail (the claims
// that keep contacts free of duplicates) and the one entry of every incoming request.
export { findContactByPhoneOrEmail, receiveIncoming } from '@crm/core';
