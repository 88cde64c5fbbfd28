import type { Refusal } from '../../shared/protocol.ts';
import { findInstrument } from '../../shared/rules/instruments.ts';
import type { Locale, Scenario } from '../../shared/scenario/schema.ts';
import { isMessageKey, translate } from '../i18n/index.ts';
import { formatNumber } from './format.ts';
import type { Problem } from './move-drafts.ts';

/** Decimals a number needs to be shown as the rules gave it (a 0.5 step, a 12.35 capacity). */
function digitsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : Math.min(4, text.length - dot - 1);
}

/**
 * A refusal in the student's language: its code picks the sentence, its params fill it,
 * each in the student's words (an instrument by its name, a proposal's status in ours,
 * numbers formatted for the locale). A refusal without params, or with a param this
 * scenario cannot name, gets the code's own sentence.
 */
export function refusalProblem(scenario: Scenario, locale: Locale, refusal: Pick<Refusal, 'code' | 'params'>): Problem {
  const generic: Problem = { key: `refused.${refusal.code}` };
  const detailed = `refusedWith.${refusal.code}`;
  const params = refusal.params;
  if (params === undefined || !isMessageKey(detailed)) return generic;
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') {
      shown[name] = formatNumber(locale, value, digitsOf(value));
    } else if (name === 'instrument') {
      const inst = findInstrument(scenario, value);
      if (!inst) return generic;
      shown[name] = inst.label[locale];
    } else if (name === 'status') {
      const key = `proposalStatus.${value}`;
      if (!isMessageKey(key)) return generic;
      shown[name] = translate(locale, key);
    } else {
      shown[name] = value;
    }
  }
  return { key: detailed, params: shown };
}

/** The refusal's sentence, as a panel shows it beside the button that sent the move. */
export function refusalText(scenario: Scenario, locale: Locale, refusal: Pick<Refusal, 'code' | 'params'>): string {
  const problem = refusalProblem(scenario, locale, refusal);
  return translate(locale, problem.key, problem.params);
}
