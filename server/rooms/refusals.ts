import { z } from 'zod';
import type { Refusal } from '../../shared/protocol.ts';

const MAX_DETAIL = 300;

/** A zod failure as one line a student (or a developer at the console) can read; never a stack. */
export function describeIssues(error: z.ZodError): string {
  const text = error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/** The move type a raw message claims to be, for the `about` field of a refusal. */
export function claimedType(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('type' in raw)) return undefined;
  const type = raw.type;
  return typeof type === 'string' && type.length <= 40 ? type : undefined;
}

/** Bytes of the message as it would be serialised; an unserialisable message counts as too large. */
export function messageBytes(raw: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(raw) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export function refusal(code: Refusal['code'], message: string, about?: string, params?: Refusal['params']): Refusal {
  return { code, message, ...(about === undefined ? {} : { about }), ...(params === undefined ? {} : { params }) };
}
