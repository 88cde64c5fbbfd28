import { networkInterfaces } from 'node:os';
import { z } from 'zod';
import type { ServerAddress } from '../../shared/server-address.ts';

/**
 * PUBLIC_URL: where students reach this server (`https://bargain.school.edu`, or
 * `http://10.0.0.5:2567`), for a server behind a proxy or a name. An http(s) URL with no
 * query or fragment; a trailing slash is dropped.
 */
export const PublicUrl = z
  .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http:// or https:// address, such as https://bargain.school.edu' })
  .refine((url) => !/[?#]/.test(url), 'PUBLIC_URL cannot have a query (?) or fragment (#)')
  .transform((url) => url.replace(/\/+$/, ''));

/** The environment's PUBLIC_URL, parsed; unset or blank is none. Throws with the reason when it is not an address. */
export function publicUrlFrom(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = PublicUrl.safeParse(value.trim());
  if (!parsed.success) throw new Error(`${parsed.error.issues[0]?.message ?? 'PUBLIC_URL is not an address'} (got "${value}")`);
  return parsed.data;
}

type Interfaces = ReturnType<typeof networkInterfaces>;

/** The machine's IPv4 addresses that other devices can reach (not loopback), in the order the system lists them. */
export function lanAddresses(interfaces: Interfaces = networkInterfaces()): string[] {
  return Object.values(interfaces).flatMap((entries) => (entries ?? []).filter((e) => e.family === 'IPv4' && !e.internal).map((e) => e.address));
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host) || host === '0.0.0.0';
}

export type AddressFacts = {
  publicUrl: string | undefined;
  /** What the browser asked for: the request's protocol and Host header. */
  requested: { protocol: string; host: string } | null;
  lan: string[];
  /** The port this server listens on. */
  port: number;
};

/**
 * The address to tell students: PUBLIC_URL when set; else the one the instructor's browser
 * used, unless it is this machine's loopback (`localhost` works on no student's device);
 * else the first network address; else localhost, which only works on this machine.
 */
export function addressFor(facts: AddressFacts): ServerAddress {
  const lan = facts.lan.map((ip) => `http://${ip}:${facts.port}`);
  if (facts.publicUrl !== undefined) return { joinBase: facts.publicUrl, others: [], source: 'configured' };
  const asked = requestedBase(facts.requested);
  if (asked !== null && !isLoopback(asked.hostname)) return { joinBase: asked.origin, others: lan.filter((base) => base !== asked.origin), source: 'request' };
  const [first, ...rest] = lan;
  if (first !== undefined) return { joinBase: first, others: rest, source: 'lan' };
  return { joinBase: asked?.origin ?? `http://localhost:${facts.port}`, others: [], source: 'local' };
}

function requestedBase(requested: AddressFacts['requested']): URL | null {
  if (requested === null || requested.host === '') return null;
  try {
    const url = new URL(`${requested.protocol}://${requested.host}`);
    // A Host header that smuggles a path or credentials is no address to hand out.
    return url.pathname === '/' && url.username === '' && url.password === '' ? url : null;
  } catch {
    return null;
  }
}
