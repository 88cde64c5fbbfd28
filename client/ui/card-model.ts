import type { GameState } from '../../shared/rules/state.ts';
import { COST_KINDS, type Scenario } from '../../shared/scenario/schema.ts';
import type { FrameworkCard, Label } from '../../shared/scoring/card.ts';
import { findCase, renderExplanation } from '../../shared/scoring/explain.ts';
import { local, locale, t } from '../i18n/index.ts';
import { describeBetter, describeMove } from '../panels/card-words.ts';
import { formatNumber } from './format.ts';

/**
 * A mark beside each label, as a chess engine annotates moves, so the verdict never
 * rests on colour alone.
 */
const LABEL_MARK: Record<Label, string> = { best: '★', good: '✓', inaccuracy: '?!', mistake: '?', blunder: '??' };

export type CostBar = { name: string; value: string; /** Percent of the list's scale, as CSS wants it; a cost too small to draw still shows a sliver. */ width: string; saving: boolean };

/** Everything one framework card shows, already in words and figures: the template holds no logic. */
export type CardModel = {
  id: string;
  seq: number;
  label: Label;
  mark: string;
  labelText: string;
  heading: string;
  score: string;
  move: string;
  projected: string;
  chips: { name: string; value: string }[];
  costs: CostBar[];
  gains: { name: string; value: string }[];
  better: string | null;
  explanation: string[];
  historical: string | null;
};

/** One decision's card in the player's language; `scale` is the list's largest cost (costScale), so bars compare across cards. */
export function cardModel(scenario: Scenario, state: GameState | null, card: FrameworkCard, scale: number): CardModel {
  const loc = locale();
  const num = (n: number): string => formatNumber(loc, n, 2);
  const c = card.classification;
  const { score, label } = card.evaluation;
  const historical = findCase(scenario, card.case);
  return {
    id: `fw-card-${card.seq}`,
    seq: card.seq,
    label,
    mark: LABEL_MARK[label],
    labelText: t(`label.${label}`),
    heading: t('cards.cardHeading', { round: card.round, move: t(`cards.move.${card.move.type}`) }),
    score: t('cards.scoreValue', { score: formatNumber(loc, score, 0) }),
    move: describeMove(scenario, state, card.move),
    projected: t('cards.projected', { horizon: card.evaluation.horizon, expected: num(card.evaluation.expected), best: num(card.evaluation.best) }),
    chips: [
      { name: t('cards.instrument'), value: t(`framework.instrument.${c.instrument}`) },
      { name: t('cards.aim'), value: c.aim === null ? t('cards.noAim') : t(`framework.aim.${c.aim}`) },
      { name: t('cards.leverage'), value: c.leverage.length === 0 ? t('cards.noLeverage') : c.leverage.map((l) => t(`framework.leverage.${l}`)).join(', ') },
      { name: t('cards.bargaining'), value: t(`framework.bargaining.${c.bargaining}`) },
    ],
    costs: COST_KINDS.map((kind) => {
      const value = card.ledger.costs[kind];
      const width = value === 0 ? 0 : Math.min(100, Math.max(1.5, (Math.abs(value) / scale) * 100));
      return { name: t(`cost.${kind}`), value: num(value), width: `${width.toFixed(1)}%`, saving: value < 0 };
    }),
    gains: [
      { name: t('cards.concessions'), value: num(card.ledger.concessions) },
      { name: t('cards.harmsAverted'), value: num(card.ledger.harmsAverted) },
    ],
    better: describeBetter(scenario, state, card),
    explanation: renderExplanation(scenario, card, loc),
    historical: historical ? t('cards.case', { case: local(historical.title) }) : null,
  };
}

/** The bar scale for a list of cards: its largest cost, and never less than one point. */
export function costScale(cards: readonly FrameworkCard[]): number {
  let max = 1;
  for (const card of cards) for (const kind of COST_KINDS) max = Math.max(max, Math.abs(card.ledger.costs[kind]));
  return max;
}
