import { z } from 'zod';
import { MAX_PHASE_SECONDS } from '../../shared/protocol.ts';

/**
 * A phase length as people read and type it: minutes and seconds, "m:ss" ("2:30", "0:45",
 * "90:00"), or whole minutes alone ("5" is 5:00). Never decimal minutes: "1.5" is refused
 * rather than guessed at. The wire and the store keep whole seconds.
 */

/** Seconds "+ time" adds to a phase: an instructor's table controls and a practising student's alike. */
export const EXTEND_SECONDS = 60;

/** The longest length the server accepts, as typed. */
export const MAX_TIMER_TEXT = formatTimerLength(MAX_PHASE_SECONDS);

/** Typed text into whole seconds: 1 second up to the schema's bound, seconds 00–59. */
export const TimerText = z
  .string()
  .trim()
  .regex(/^(\d{1,3})(:[0-5]\d)?$/, 'minutes and seconds, as m:ss')
  .transform((text) => {
    const [minutes, seconds = '0'] = text.split(':');
    return Number(minutes) * 60 + Number(seconds);
  })
  .pipe(z.number().int().min(1, 'at least 0:01').max(MAX_PHASE_SECONDS, `at most ${MAX_TIMER_TEXT}`));

/** Seconds as m:ss, minutes unbounded (a 90-minute phase reads 90:00); never negative. */
export function formatTimerLength(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
