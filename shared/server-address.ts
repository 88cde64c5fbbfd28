import { z } from 'zod';

/**
 * Where students on their own devices reach this server, as the server knows it:
 * `configured` from PUBLIC_URL; `request` the address the instructor's own browser used
 * (not a loopback one); `lan` the machine's network addresses; `local` only this
 * machine, which other devices cannot reach.
 */
export const AddressSource = z.enum(['configured', 'request', 'lan', 'local']);
export type AddressSource = z.infer<typeof AddressSource>;

/** GET /api/address: the base to tell students (`http(s)://host[:port][/path]`, no trailing slash) and the others that also work. */
export const ServerAddress = z.object({
  joinBase: z.string(),
  others: z.array(z.string()),
  source: AddressSource,
});
export type ServerAddress = z.infer<typeof ServerAddress>;
