import { z } from 'zod';

/**
 * Why the rules refused a move. Namespaced so a client can group them; every code has a
 * message in both languages. The server's own refusals (a frame it cannot read, a full
 * queue) are `ErrorCode`s in the protocol.
 */
export const RejectionCode = z.enum([
  'game/over',
  'phase/wrong',
  'seat/unknown',
  'state/stale',
  'proposal/unknown',
  'proposal/not-open',
  'proposal/not-addressed',
  'proposal/own',
  'instrument/unknown',
  'instrument/not-yours',
  'param/out-of-range',
  'budget/exceeded',
  'decision/locked',
  'target/invalid',
  'due/invalid',
  'chat/empty',
  'chat/too-long',
  'event/unknown',
  'event/already',
]);
export type RejectionCode = z.infer<typeof RejectionCode>;

/**
 * The numbers and ids a refusal names, so a client can say it in the student's language:
 * ids as ids (an instrument's, a proposal's), numbers as numbers, never words.
 */
export const RejectionParams = z.record(z.string().max(40), z.union([z.string().max(200), z.number()]));
export type RejectionParams = z.infer<typeof RejectionParams>;

/** `message` is English for logs and developers; a client builds its own text from `code` and `params`. */
export const Rejection = z.object({ code: RejectionCode, message: z.string(), params: RejectionParams.optional() });
export type Rejection = z.infer<typeof Rejection>;

export type Result<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const reject = <T>(code: RejectionCode, message: string, params?: RejectionParams): Result<T> => ({
  ok: false,
  rejection: params === undefined ? { code, message } : { code, message, params },
});

/** Hand a refusal on unchanged, whatever the caller's success type. */
export const refusal = <T>(failed: { ok: false; rejection: Rejection }): Result<T> => ({ ok: false, rejection: failed.rejection });
