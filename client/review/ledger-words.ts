import type { CommitmentOutcome, LedgerLine } from '../../shared/review/schemas.ts';
import type { Locale } from '../../shared/scenario/schema.ts';
import { translate, type MessageKey } from '../i18n/index.ts';
import { formatDelta, formatPercent } from '../ui/format.ts';

/**
 * The commitment ledger in words. A line is read at a step of the replay: before its
 * move it was not yet given, and until the round that settles it is resolved its outcome
 * is not known, whatever the finished game says.
 */

export type LedgerStatus = CommitmentOutcome | 'not-yet';

export function statusAt(line: LedgerLine, step: number | null): LedgerStatus {
  if (step === null) return line.outcome;
  if (line.madeSeq !== null && step < line.madeSeq) return 'not-yet';
  if (line.settledStep === null || line.settledStep > step) return 'pending';
  return line.outcome;
}

/** A threat "kept" was carried out: said so, since keeping a threat means doing harm. */
export function outcomeKey(kind: LedgerLine['kind'], status: LedgerStatus): MessageKey {
  if (kind === 'threat' && status === 'kept') return 'ledger.outcome.carriedOut';
  if (kind === 'threat' && status === 'broken') return 'ledger.outcome.notCarriedOut';
  switch (status) {
    case 'kept':
      return 'ledger.outcome.kept';
    case 'broken':
      return 'ledger.outcome.broken';
    case 'partly-kept':
      return 'ledger.outcome.partlyKept';
    case 'lapsed':
      return 'ledger.outcome.lapsed';
    case 'complied':
      return 'ledger.outcome.complied';
    case 'pending':
      return 'ledger.outcome.pending';
    case 'not-yet':
      return 'ledger.outcome.notYet';
  }
}

export function outcomeText(locale: Locale, line: LedgerLine, step: number | null): string {
  return translate(locale, outcomeKey(line.kind, statusAt(line, step)));
}

/** Credibility gained or lost, signed; blank while the outcome is not known, "0" when it moved nothing. */
export function credibilityText(locale: Locale, line: LedgerLine, step: number | null): string {
  const status = statusAt(line, step);
  if (status === 'pending' || status === 'not-yet') return '';
  return formatDelta(locale, line.credibility, 2);
}

/** Why an agreement fell short, when the record says. */
export function shortfallText(locale: Locale, line: LedgerLine, step: number | null): string | null {
  const status = statusAt(line, step);
  if (line.kind !== 'agreement' || (status !== 'partly-kept' && status !== 'broken')) return null;
  const parts: string[] = [];
  if (line.ratio !== null) parts.push(translate(locale, 'ledger.share', { share: formatPercent(locale, line.ratio) }));
  if (line.limitedBy === 'capacity' || line.limitedBy === 'choice') parts.push(translate(locale, `ledger.limitedBy.${line.limitedBy}`));
  return parts.length === 0 ? null : parts.join(' · ');
}

