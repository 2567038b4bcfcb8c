// The account's IP allow-list: CIDR ranges, v4 and v6, parsed and matched by ipaddr.js.
import ipaddr from 'ipaddr.js';
import type { FieldError } from '../errors.ts';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** A client address as one form: IPv4-mapped IPv6 (::ffff:203.0.113.7) becomes the IPv4 address. */
export function clientAddress(raw: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    return ipaddr.process(raw.trim().replace(/^\[|\]$/g, ''));
  } catch {
    return null;
  }
}

/** One entry as a range: a bare address is the range of just itself (/32 or /128). */
function rangeOf(entry: string): Range | null {
  const text = entry.trim();
  try {
    if (text.includes('/')) {
      const [addr, bits] = ipaddr.parseCIDR(text);
      // An IPv4-mapped v6 range would never match a processed (v4) client address.
      if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) return null;
      return [addr, bits];
    }
    const addr = ipaddr.process(text);
    return [addr, addr.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return null;
  }
}

/** The stored form of an entry: the range's network address and prefix (203.0.113.7/24 -> 203.0.113.0/24). */
function normalise([addr, bits]: Range): string {
  const network =
    addr.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(`${addr.toString()}/${bits}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${addr.toString()}/${bits}`);
  return `${network.toString()}/${bits}`;
}

/** Checks and normalises a list as it will be stored (duplicates dropped), or the entries that are wrong. */
export function parseAllowlist(entries: readonly string[]): { list: string[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const list: string[] = [];
  entries.forEach((entry, i) => {
    const range = rangeOf(entry);
    if (!range) return void errors.push({ path: `ipAllowlist.${i}`, message: 'is not an IPv4 or IPv6 address or CIDR range' });
    const form = normalise(range);
    if (!list.includes(form)) list.push(form);
  });
  return { list, errors };
}

/** Whether `address` may call: an empty list allows every address; an unparsable address none. */
export function isAllowed(list: readonly string[], address: string): boolean {
  if (list.length === 0) return true;
  const client = clientAddress(address);
  if (!client) return false;
  return list.some((entry) => {
    const range = rangeOf(entry);
    return !!range && range[0].kind() === client.kind() && client.match(range as [ipaddr.IPv4, number]);
  });
}
