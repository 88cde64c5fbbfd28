import type { Logger } from 'pino';

/** One line per connection per this long, however often it misbehaves. */
export const EDGE_WARNING_INTERVAL_MS = 60_000;

type Seen = { at: number; suppressed: number };

/**
 * Warn-level lines about what a connection sent that the server could not take (an
 * undecodable frame, an oversized one): at most one line per connection per minute,
 * naming how many more were left out, and never a stack. A misbehaving client costs
 * the log one line a minute, not one a frame.
 */
export class EdgeWarnings {
  private readonly seen = new Map<string, Seen>();
  private readonly log: Logger;

  constructor(log: Logger) {
    this.log = log;
  }

  warn(connection: string, fields: Record<string, unknown>, message: string, now = Date.now()): void {
    for (const [key, entry] of this.seen) if (now - entry.at >= EDGE_WARNING_INTERVAL_MS) this.seen.delete(key);
    const entry = this.seen.get(connection);
    if (entry !== undefined) {
      entry.suppressed += 1;
      return;
    }
    this.seen.set(connection, { at: now, suppressed: 0 });
    this.log.warn({ connection, ...fields }, message);
  }
}
