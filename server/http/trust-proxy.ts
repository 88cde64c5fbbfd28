import { isIP } from 'node:net';
import { z } from 'zod';

/** The names Express knows for the usual places a proxy sits. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** An IPv4 or IPv6 address, optionally with a prefix length: a proxy, or the subnet proxies are in. */
function isAddressOrSubnet(text: string): boolean {
  const [address = '', prefix, ...rest] = text.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

const HOW =
  'TRUST_PROXY is blank or "off" (no proxy: the default), the number of proxies in front of the server (say 1), ' +
  'or a comma-separated list of the proxies\' addresses or subnets (10.0.0.0/8) or loopback, linklocal, uniquelocal. ' +
  '"true" is not accepted: it would let any client name its own address in X-Forwarded-For.';

/**
 * Express's `trust proxy`, from the `TRUST_PROXY` setting: whose X-Forwarded-For to believe
 * when the limits count requests per address. Off by default, since without a proxy the
 * header is whatever a client wrote; behind one, every client would otherwise share the proxy's address.
 */
export const TrustProxy = z.union(
  [
    z.literal(['', 'off', 'false', '0']).transform((): false => false),
    z.string().regex(/^[1-9]\d?$/).transform(Number),
    z
      .string()
      .transform((text) => text.split(',').map((part) => part.trim()))
      .pipe(z.array(z.string().refine((part) => PROXY_RANGES.includes(part) || isAddressOrSubnet(part))).min(1)),
  ],
  { error: HOW },
);
export type TrustProxy = z.infer<typeof TrustProxy>;

/** The setting read from the environment; an unreadable value stops the start with a sentence saying what is accepted. */
export function trustProxyFrom(value: string | undefined): TrustProxy {
  const parsed = TrustProxy.safeParse((value ?? '').trim().toLowerCase());
  if (!parsed.success) throw new Error(`${HOW} Not "${value}".`);
  return parsed.data;
}
