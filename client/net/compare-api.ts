import { z } from 'zod';
import { SessionReview } from '../../shared/review/schemas.ts';
import type { Locale } from '../../shared/scenario/schema.ts';
import { httpErrorOf, parsedOrThrow, requestJson, serverEndpoint } from './connection.ts';

/**
 * The instructor's review requests for a whole class: the comparison of its tables and the
 * exports. The secret always rides in the Authorization header, never in an address.
 */

const sessionPath = (sessionId: string): string => `/api/sessions/${encodeURIComponent(sessionId)}`;

export async function fetchSessionReview(sessionId: string, secret: string): Promise<SessionReview> {
  return parsedOrThrow(SessionReview, await requestJson(`${sessionPath(sessionId)}/review`, undefined, secret), 'class comparison');
}

export const EXPORT_KINDS = ['decisions', 'students', 'gradebook', 'records'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const EXPORT_FILES: Record<ExportKind, string> = {
  decisions: 'decisions.csv',
  students: 'students.csv',
  gradebook: 'gradebook.csv',
  records: 'records.json',
};

/**
 * The file name a server gave in Content-Disposition (RFC 6266: `filename*` wins over
 * `filename`), reduced to characters safe in any file system; `fallback` when none.
 */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (disposition !== null) {
    const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
    const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(disposition);
    let name: string | undefined;
    try {
      name = extended?.[1] === undefined ? undefined : decodeURIComponent(extended[1].trim());
    } catch {
      name = undefined;
    }
    name ??= plain?.[1] ?? plain?.[2];
    const safe = name?.replace(/[/\\\p{Cc}]/gu, '_').trim();
    if (safe !== undefined && safe !== '' && safe !== '.' && safe !== '..') return safe;
  }
  return fallback;
}

/** One export of the class as the server wrote it, with the file name it chose. */
/** Exports worded in a language (seat names, instruments, bots' policies): the decisions and students files. */
export const WORDED_EXPORTS: ReadonlySet<ExportKind> = new Set(['decisions', 'students']);

export async function fetchExport(sessionId: string, secret: string, kind: ExportKind, lang: Locale = 'en'): Promise<{ filename: string; blob: Blob }> {
  const file = EXPORT_FILES[kind];
  const query = WORDED_EXPORTS.has(kind) ? `?lang=${lang}` : '';
  const response = await fetch(`${serverEndpoint()}${sessionPath(sessionId)}/export/${file}${query}`, { headers: { authorization: `Bearer ${secret}` } });
  if (!response.ok) throw await httpErrorOf(response);
  return { filename: filenameOf(response.headers.get('content-disposition'), `border-bargain-${file}`), blob: await response.blob() };
}
