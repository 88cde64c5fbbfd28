import { pino } from 'pino';
import type { Logger } from 'pino';

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Structured JSON lines on stdout; `LOG_LEVEL` picks the level (info by default, silent in tests). */
export function createLog(level: string | undefined): Logger {
  const chosen = level !== undefined && LEVELS.has(level) ? level : 'info';
  return pino({ level: chosen, base: { app: 'border-bargain' } });
}
