import { z } from 'zod';

/** Why a move was refused. Namespaced so a client can group them; every code has a message in both languages. */
export const RejectionCode = z.enum([
  'game/over',
  'phase/wrong',
  'seat/unknown',
  'seat/not-yours',
  'move/malformed',
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
  'rate/limited',
  'message/too-large',
  'server/unavailable',
  'event/unknown',
  'event/already',
]);
export type RejectionCode = z.infer<typeof RejectionCode>;

export const Rejection = z.object({ code: RejectionCode, message: z.string() });
export type Rejection = z.infer<typeof Rejection>;

export type Result<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const reject = <T>(code: RejectionCode, message: string): Result<T> => ({ ok: false, rejection: { code, message } });

/** Hand a refusal on unchanged, whatever the caller's success type. */
export const refusal = <T>(failed: { ok: false; rejection: Rejection }): Result<T> => ({ ok: false, rejection: failed.rejection });
