import type { HistoricalCase, Locale, Scenario } from '../scenario/schema.ts';
import { at } from '../rules/lookup.ts';
import type { Classification, FrameworkCard, Sentence } from './card.ts';
import { BUILT_IN_CASES } from './cases.ts';
import { MESSAGES, type MessageKey } from './messages.ts';

/** The case whose framework reading is closest to the decision's; the scenario's own win ties. */
export function closestCase(scenario: Scenario, reading: Classification, role: 'destination' | 'transit'): HistoricalCase {
  const all = [...scenario.cases.map((c) => ({ c, bonus: 0.5 })), ...BUILT_IN_CASES.map((c) => ({ c, bonus: 0 }))];
  // A transit state's decision is compared with transit states' cases, a destination's with destinations'.
  const sameRole = all.filter(({ c }) => c.role === undefined || c.role === role);
  const candidates = sameRole.length > 0 ? sameRole : all;
  let best = at(candidates, 0);
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const candidate of candidates) {
    const c = candidate.c;
    let score = candidate.bonus;
    if (c.instrument !== undefined) score += c.instrument === reading.instrument ? 2 : -2;
    if (c.aim !== undefined) score += c.aim === reading.aim ? 2 : -2;
    else if (reading.aim === null) score += 1;
    if (c.bargaining !== undefined) score += c.bargaining === reading.bargaining ? 1.5 : -1.5;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best.c;
}

export function findCase(scenario: Scenario, id: string): HistoricalCase | undefined {
  return scenario.cases.find((c) => c.id === id) ?? BUILT_IN_CASES.find((c) => c.id === id);
}

function fill(template: string, params: Sentence['params'], locale: Locale, scenario: Scenario): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    if (typeof value === 'number') return value.toLocaleString(locale === 'es' ? 'es-MX' : 'en-US', { maximumFractionDigits: 2 });
    if (value.startsWith('@case:')) return findCase(scenario, value.slice(6))?.title[locale] ?? value;
    if (value.startsWith('@case-text:')) return findCase(scenario, value.slice(11))?.text[locale] ?? value;
    if (value.startsWith('@')) return MESSAGES[locale][value.slice(1) as MessageKey] ?? value;
    return value;
  });
}

export function renderSentence(scenario: Scenario, sentence: Sentence, locale: Locale): string {
  const template = MESSAGES[locale][sentence.key as MessageKey];
  return template === undefined ? sentence.key : fill(template, sentence.params, locale, scenario);
}

/** The card's two or three sentences, in the reader's language. */
export function renderExplanation(scenario: Scenario, card: FrameworkCard, locale: Locale): string[] {
  return card.explanation.map((s) => renderSentence(scenario, s, locale));
}
