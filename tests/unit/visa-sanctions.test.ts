import { describe, expect, it } from 'vitest';
import { playBotGame } from '../../shared/bots/play-bot-game.ts';
import { createGame } from '../../shared/rules/index.ts';
import { tinyScenario } from './fixtures/tiny-scenario.ts';
import { playRound } from './fixtures/play.ts';

const L = (en: string) => ({ en, es: en });
const unit = L('units');
const base = tinyScenario();

/** The tiny scenario with visa sanctions in the destination's hands: 0.5 political points on the transit state per unit. */
function withVisas(start: number) {
  return tinyScenario({
    instruments: [
      ...base.instruments,
      {
        id: 'visas', seat: 'dest', effect: 'visa_sanctions', label: L('Visa sanctions'), help: L('Withhold visas.'),
        param: { min: 0, max: 10, step: 1, unit }, commit: 'atMost', cost: { political: 0, reputational: 0.1, implementation: 0 }, strength: 0.5, start,
      },
    ],
  });
}

const calm = { dest: { tariff: 0, returns: 0, pathway: 0, aid: 0 }, trans: { guard: 0, accept: 0, loosen: 0 } };

describe('visa sanctions (INA 243(d)), worked by hand on the tiny scenario', () => {
  it('cost the transit state 0.5 political points per unit above the start, and the destination only its own unit cost', () => {
    const scenario = withVisas(0);
    const quiet = playRound(scenario, createGame(scenario, 7), { ...calm, dest: { ...calm.dest, visas: 0 } }).history[0].seats;
    const sanctioned = playRound(scenario, createGame(scenario, 7), { ...calm, dest: { ...calm.dest, visas: 6 } }).history[0].seats;
    // 6 units × 0.5 = 3 political points; costToIndicator.political is 1, so approval falls 3 more.
    expect(sanctioned.trans.costs.political - quiet.trans.costs.political).toBe(3);
    expect(quiet.trans.indicators.approval - sanctioned.trans.indicators.approval).toBe(3);
    // The destination pays 6 × 0.1 reputational, nothing more: the sanction is cheap for the side that imposes it.
    expect(sanctioned.dest.costs.reputational - quiet.dest.costs.reputational).toBeCloseTo(0.6, 9);
    expect(sanctioned.dest.costs.political).toBe(quiet.dest.costs.political);
  });

  it('easing a visa regime below the level in force at the start relieves other political costs, never below zero', () => {
    const scenario = withVisas(8);
    // Accepting 500 returns costs 500 × 0.001 = 0.5 political points.
    const accepting = { ...calm.trans, accept: 500 };
    const held = playRound(scenario, createGame(scenario, 7), { dest: { ...calm.dest, returns: 500, visas: 8 }, trans: accepting }).history[0].seats;
    const eased = playRound(scenario, createGame(scenario, 7), { dest: { ...calm.dest, returns: 500, visas: 7 }, trans: accepting }).history[0].seats;
    const freed = playRound(scenario, createGame(scenario, 7), { dest: { ...calm.dest, returns: 500, visas: 2 }, trans: accepting }).history[0].seats;
    expect(held.trans.costs.political).toBe(0.5);
    // One unit eased: 0.5 − 0.5 = 0; six units eased would be −2.5, which counts as no cost at all.
    expect(eased.trans.costs.political).toBe(0);
    expect(freed.trans.costs.political).toBe(0);
  });

  it('is the stick a coercive destination bot wields when it has no tariff, and a defensive transit bot concedes returns to lift it', () => {
    const scenario = withVisas(0);
    const visasOnly = { ...scenario, instruments: scenario.instruments.filter((i) => i.effect !== 'tariff') };
    const { record, state } = playBotGame(visasOnly, 3, { dest: 'coercive', trans: 'defensive' }, 3);
    const threats = record.entries.flatMap((e) => (e.kind === 'move' && e.move.type === 'threaten' ? [e.move] : []));
    expect(threats.length).toBeGreaterThan(0);
    expect(threats.every((t) => t.consequence.instrument === 'visas')).toBe(true);
    expect(state.history.some((r) => r.seats.trans.levels.accept > 0)).toBe(true);
  });
});
