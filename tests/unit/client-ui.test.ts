import { readFileSync } from 'node:fs';
import { isStructurallySame } from '@formatjs/icu-messageformat-parser';
import { describe, expect, test } from 'vitest';
import { en } from '../../client/i18n/en.ts';
import { es } from '../../client/i18n/es.ts';
import { isMessageKey, translate } from '../../client/i18n/index.ts';
import { parseMessage } from '../../client/i18n/message.ts';
import { buildMapModel } from '../../client/scenes/map-model.ts';
import { dotsFor, MAX_DOTS, MAX_WIDTH, MIN_WIDTH, referenceOf, widthFor } from '../../client/scenes/flow-widths.ts';
import { clockOffsetFrom, formatCountdown, formatDelta, formatNumber, msUntil } from '../../client/ui/format.ts';
import { budgetOf, buildChat, buildDecision, buildPledge, buildProposal, chatLength, gameIdFrom, type ProposalDraft } from '../../client/ui/move-drafts.ts';
import { controlsFor, otherSeats, waitingFor } from '../../client/ui/phase-controls.ts';
import { indicatorChanges } from '../../client/ui/round-summary.ts';
import { createGame } from '../../shared/rules/create-game.ts';
import { RoomErrorCode } from '../../shared/protocol.ts';
import { RejectionCode } from '../../shared/rules/result.ts';
import type { GameState, Phase, RoundResult } from '../../shared/rules/state.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';

const parsed = parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/us-mexico-2019.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(`scenario does not parse: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
const scenario: Scenario = parsed.scenario;

function stateIn(phase: Phase, changes: (s: GameState) => void = () => undefined): GameState {
  const state = structuredClone(createGame(scenario, 7));
  state.phase = phase;
  changes(state);
  return state;
}

function roundResult(round: number, seatIndicators: Record<string, number>): RoundResult {
  const seats: RoundResult['seats'] = {};
  for (const seat of scenario.seats) {
    const value = seatIndicators[seat.id] ?? 50;
    seats[seat.id] = {
      levels: {},
      costs: { political: 1, reputational: 0, implementation: 10 },
      indicators: { approval: value, economy: value, reputation: value, credibility: value, control: value },
      score: value,
    };
  }
  return {
    round,
    events: [],
    flows: [{ flow: 'central_america', setOut: 100_000, diverted: 5_000, interdicted: 20_000, arrived: 75_000 }],
    setOut: 100_000,
    diverted: 5_000,
    interdicted: 20_000,
    arrivals: 75_000,
    returned: 8_000,
    stranded: 3_000,
    interdictedBy: { mx: 20_000 },
    returnedTo: { mx: 8_000 },
    salience: 60,
    seats,
    compliance: [],
    threats: [],
    promises: [],
  };
}

describe('message catalogues', () => {
  test('Spanish has exactly the English keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  test('every message reads as ICU MessageFormat, and its Spanish takes the same values of the same kinds', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const same = isStructurallySame(parseMessage(en[key]), parseMessage(es[key]));
      expect(same.error?.message ?? 'same', key).toBe('same');
    }
  });

  test('every refusal code the server can send has a message in both languages', () => {
    for (const code of [...RejectionCode.options, ...RoomErrorCode.options]) expect(isMessageKey(`refused.${code}`), code).toBe(true);
  });

  test('placeholders are filled, and an unknown one stays visible', () => {
    expect(translate('en', 'header.round', { round: 2, total: 6, label: 'May 2019' })).toBe('Round 2 of 6 — May 2019');
    expect(translate('es', 'header.round', { round: 2, total: 6, label: 'Mayo de 2019' })).toBe('Ronda 2 de 6 — Mayo de 2019');
    expect(translate('en', 'chat.counter', { count: 3 })).toBe('3 of {max} characters');
  });
});

describe('formatting', () => {
  test.each([
    [0, '0:00'],
    [-5_000, '0:00'],
    [999, '0:01'],
    [61_000, '1:01'],
    [3_600_000, '60:00'],
    [3_725_000, '62:05'],
  ])('%i ms left reads %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });

  test('numbers follow the language', () => {
    expect(formatNumber('en', 133000)).toBe('133,000');
    expect(formatNumber('es', 133000)).toMatch(/^133[\s,.\u202f]000$/);
    expect(formatNumber('en', 48.345, 1)).toBe('48.3');
  });

  test('a change carries its sign', () => {
    expect(formatDelta('en', 2.34)).toBe('+2.3');
    expect(formatDelta('en', -1.26)).toBe('−1.3');
    expect(formatDelta('en', 0.01)).toBe('0');
  });

  test('clock offsets under two seconds are treated as noise', () => {
    expect(clockOffsetFrom(10_500, 10_000, 10_200)).toBe(0);
    expect(clockOffsetFrom(20_000, 10_000, 10_200)).toBe(9_900);
    expect(msUntil(30_000, 10_000, 5_000)).toBe(15_000);
  });
});

describe('which controls a phase enables', () => {
  test.each([
    ['briefing', { propose: false, answer: false, pledge: false, chat: true, decide: false, ready: true }],
    ['negotiation', { propose: true, answer: true, pledge: true, chat: true, decide: false, ready: true }],
    ['decision', { propose: false, answer: false, pledge: false, chat: true, decide: true, ready: false }],
    ['resolution', { propose: false, answer: false, pledge: false, chat: true, decide: false, ready: true }],
    ['debrief', { propose: false, answer: false, pledge: false, chat: true, decide: false, ready: true }],
    ['ended', { propose: false, answer: false, pledge: false, chat: false, decide: false, ready: false }],
  ] as const)('%s', (phase, expected) => {
    expect(controlsFor(stateIn(phase), 'us')).toEqual(expected);
  });

  test('a sealed decision and a pressed Ready lock their buttons', () => {
    expect(controlsFor(stateIn('decision', (s) => (s.seats.us.submitted = true)), 'us').decide).toBe(false);
    expect(controlsFor(stateIn('negotiation', (s) => (s.seats.us.ready = true)), 'us').ready).toBe(false);
  });

  test('a spectator can do nothing', () => {
    expect(Object.values(controlsFor(stateIn('negotiation'), null)).some(Boolean)).toBe(false);
  });

  test('the table waits for seats not ready, or not sealed while deciding', () => {
    expect(waitingFor(stateIn('briefing', (s) => (s.seats.us.ready = true)))).toEqual(['mx']);
    expect(waitingFor(stateIn('decision', (s) => (s.seats.mx.submitted = true)))).toEqual(['us']);
    expect(otherSeats(stateIn('briefing'), 'us')).toEqual(['mx']);
  });
});

describe('building moves from forms', () => {
  const offer = (rows: ProposalDraft['rows'], counterOf: string | null = null): ProposalDraft => ({ to: 'mx', rows, rounds: 3, counterOf });

  test('a bundle of chosen commitments becomes a proposal', () => {
    const built = buildProposal(
      scenario,
      'en',
      offer([
        { seat: 'mx', instrument: 'mx_guard', include: true, amount: 10 },
        { seat: 'us', instrument: 'us_tariff', include: true, amount: 0 },
        { seat: 'us', instrument: 'us_aid', include: false, amount: 100 },
      ]),
      4,
    );
    expect(built).toEqual({
      ok: true,
      move: {
        type: 'propose',
        version: 4,
        to: 'mx',
        rounds: 3,
        commitments: [
          { seat: 'mx', instrument: 'mx_guard', amount: 10 },
          { seat: 'us', instrument: 'us_tariff', amount: 0 },
        ],
      },
    });
  });

  test('a counter proposal names the proposal it answers', () => {
    const built = buildProposal(scenario, 'en', offer([{ seat: 'mx', instrument: 'mx_guard', include: true, amount: 8 }], 'p3'), 9);
    expect(built.ok && built.move).toMatchObject({ type: 'counter', proposalId: 'p3', version: 9 });
  });

  test.each([
    ['nothing chosen', [{ seat: 'mx', instrument: 'mx_guard', include: false, amount: 8 }], 'proposal.pickOne'],
    ['above the range', [{ seat: 'mx', instrument: 'mx_guard', include: true, amount: 26 }], 'decision.outOfRange'],
    ['off the step', [{ seat: 'us', instrument: 'us_tariff', include: true, amount: 7 }], 'decision.outOfRange'],
    ['an empty box', [{ seat: 'us', instrument: 'us_tariff', include: true, amount: Number.NaN }], 'decision.outOfRange'],
  ])('%s is refused before sending', (_name, rows, key) => {
    const built = buildProposal(scenario, 'en', offer(rows), 1);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problem.key).toBe(key);
  });

  test.each([0, 2.5, Number.NaN, 13])('%s rounds is refused before sending', (rounds) => {
    const built = buildProposal(scenario, 'en', { ...offer([{ seat: 'mx', instrument: 'mx_guard', include: true, amount: 8 }]), rounds }, 1);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problem.key).toBe('proposal.roundsInvalid');
  });

  test('a threat and a promise', () => {
    const threat = buildPledge(scenario, 'en', { kind: 'threat', target: 'mx', ask: { instrument: 'mx_guard', amount: 15 }, answer: { instrument: 'us_tariff', amount: 25 }, dueRound: 2 }, 3);
    expect(threat.ok && threat.move).toEqual({ type: 'threaten', version: 3, target: 'mx', demand: { instrument: 'mx_guard', amount: 15 }, consequence: { instrument: 'us_tariff', amount: 25 }, dueRound: 2 });
    const promise = buildPledge(scenario, 'en', { kind: 'promise', target: 'mx', ask: { instrument: 'mx_returns', amount: 5000 }, answer: { instrument: 'us_aid', amount: 200 }, dueRound: 3 }, 3);
    expect(promise.ok && promise.move).toMatchObject({ type: 'promise', condition: { instrument: 'mx_returns' }, reward: { instrument: 'us_aid', amount: 200 } });
    const late = buildPledge(scenario, 'en', { kind: 'threat', target: 'mx', ask: { instrument: 'mx_guard', amount: 15 }, answer: { instrument: 'us_tariff', amount: 25 }, dueRound: 7 }, 3);
    expect(!late.ok && late.problem.key).toBe('refused.due/invalid');
  });

  test('chat is trimmed, must not be empty, and counts characters as people do', () => {
    expect(buildChat('mx', '  hola  ', 2)).toEqual({ ok: true, move: { type: 'chat', version: 2, to: 'mx', text: 'hola' } });
    expect(buildChat('mx', '   ', 2)).toMatchObject({ ok: false, problem: { key: 'chat.empty' } });
    expect(buildChat('mx', 'a'.repeat(501), 2)).toMatchObject({ ok: false, problem: { key: 'chat.tooLong' } });
    expect(chatLength('🇲🇽'.repeat(2))).toBe(4);
    expect(buildChat('mx', '<script>alert(1)</script>', 2)).toMatchObject({ ok: true, move: { text: '<script>alert(1)</script>' } });
  });

  test('the budget meter charges implementation cost against capacity', () => {
    expect(budgetOf(scenario, 'mx', { mx_guard: 10, mx_asylum: 3 }, 60)).toMatchObject({ used: 23, capacity: 60, over: 0 });
    expect(budgetOf(scenario, 'mx', { mx_guard: 25, mx_asylum: 20 }, 60)).toMatchObject({ used: 70, over: 10 });
  });

  test('a decision must fit the budget and every range', () => {
    const levels = { mx_guard: 10, mx_returns: 0, mx_loosen: 0, mx_asylum: 3 };
    expect(buildDecision(scenario, 'en', 'mx', levels, 60, 5)).toEqual({ ok: true, move: { type: 'decide', version: 5, levels } });
    expect(buildDecision(scenario, 'en', 'mx', { ...levels, mx_guard: 25, mx_asylum: 20 }, 60, 5)).toMatchObject({ ok: false, problem: { key: 'decision.overBudget' } });
    expect(buildDecision(scenario, 'en', 'mx', { ...levels, mx_loosen: 11 }, 60, 5)).toMatchObject({ ok: false, problem: { key: 'decision.outOfRange' } });
  });

  test.each([
    ['http://localhost:2599/?game=Ab_9-x', 'Ab_9-x'],
    ['/?game=CODE123', 'CODE123'],
    ['  CODE123 ', 'CODE123'],
    ['https://example.org/', null],
    ['two words', null],
    ['', null],
  ])('a join link or code %j gives %j', (input, expected) => {
    expect(gameIdFrom(input)).toBe(expected);
  });
});

describe('round summaries', () => {
  test('indicator changes compare with the round before, or the scenario start', () => {
    const history = [roundResult(1, { us: 40, mx: 60 }), roundResult(2, { us: 45, mx: 58 })];
    const first = indicatorChanges(scenario, history, 1, 'us');
    const start = scenario.seats.find((s) => s.id === 'us')?.indicators.approval ?? 0;
    expect(first[0]).toEqual({ name: 'approval', before: start, after: 40, delta: Math.round((40 - start) * 100) / 100 });
    expect(indicatorChanges(scenario, history, 2, 'mx')[0]).toMatchObject({ before: 60, after: 58, delta: -2 });
    expect(indicatorChanges(scenario, history, 3, 'mx')).toEqual([]);
  });

});

describe('the map', () => {
  test('arrow width grows with the flow, within bounds', () => {
    expect(widthFor(0, 100)).toBe(MIN_WIDTH);
    expect(widthFor(100, 100)).toBe(MAX_WIDTH);
    expect(widthFor(500, 100)).toBe(MAX_WIDTH);
    expect(widthFor(25, 100)).toBeGreaterThan(widthFor(10, 100));
    expect(widthFor(25, 100)).toBeLessThan(widthFor(50, 100));
  });

  test('moving dots stand for people, capped for slow machines', () => {
    expect(dotsFor(0)).toBe(0);
    expect(dotsFor(10)).toBe(1);
    expect(dotsFor(10_000_000)).toBe(MAX_DOTS);
  });

  test('the model carries last round numbers in words', () => {
    const history = [roundResult(1, {}), { ...roundResult(2, {}), setOut: 150_000 }];
    expect(referenceOf(history)).toBe(150_000);
    const model = buildMapModel(scenario, history, { name: (w) => w, origin: (id) => id, caption: (stream, n) => `${n} ${stream}` });
    expect(model.round).toBe(2);
    expect(model.arrived.caption).toBe('75000 arrived');
    expect(model.origins.map((o) => o.id)).toEqual(scenario.flows.map((f) => f.id));
    expect(model.origins[0]?.arrow.value).toBe(100_000);
    expect(buildMapModel(scenario, [], { name: (w) => w, origin: (id) => id, caption: (s) => s }).round).toBeNull();
  });
});
