// Problem types a client acts on by `type` rather than by status alone (zod-free: the client uses it).

/** 403: the request's address is not on the account's IP allow-list; the problem carries `address`. */
export const IP_NOT_ALLOWED = 'https://crm.dev/problems/ip-not-allowed';
