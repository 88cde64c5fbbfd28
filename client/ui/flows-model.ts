import type { RoundResult } from '../../shared/rules/state.ts';
import type { Locale, Scenario } from '../../shared/scenario/schema.ts';
import { translate } from '../i18n/index.ts';
import { formatNumber } from './format.ts';

/** One line of the flows table: the flow's name and its four figures, already in words. */
export type FlowsRow = { label: string; values: string[]; total: boolean };

/** The round's flows as the table shows them: a caption, the name column, the figure columns, the rows with the total last. */
export type FlowsModel = { caption: string; nameColumn: string; columns: string[]; rows: FlowsRow[] };

/** What each flow did in one round (set out, diverted, stopped, arrived) and the round's total, in the player's language. */
export function flowsModel(scenario: Scenario, locale: Locale, r: RoundResult): FlowsModel {
  const num = (n: number): string => formatNumber(locale, n, 0);
  const name = (id: string): string => scenario.flows.find((f) => f.id === id)?.name[locale] ?? id;
  return {
    caption: translate(locale, 'resolution.flows'),
    nameColumn: translate(locale, 'resolution.flow'),
    columns: (['resolution.setOut', 'resolution.diverted', 'resolution.interdicted', 'resolution.arrived'] as const).map((key) => translate(locale, key)),
    rows: [
      ...r.flows.map((f) => ({ label: name(f.flow), values: [f.setOut, f.diverted, f.interdicted, f.arrived].map(num), total: false })),
      { label: translate(locale, 'resolution.total'), values: [r.setOut, r.diverted, r.interdicted, r.arrivals].map(num), total: true },
    ],
  };
}
