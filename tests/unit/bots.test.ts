import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_POLICIES, BotPolicyId } from '../../shared/bots/policy.ts';
import { playBotGame, runBots } from '../../shared/bots/play-bot-game.ts';
import type { GameRecord } from '../../shared/record.ts';
import { createGame, findInstrument, isLegalLevel, playerView, replay, stateHash, type GameState, type Move } from '../../shared/rules/index.ts';
import { nextRandom } from '../../shared/rules/prng.ts';
import { Scenario } from '../../shared/scenario/schema.ts';
import { advanceTo, must } from './fixtures/play.ts';
import { tinyScenario } from './fixtures/tiny-scenario.ts';

const usMexico = Scenario.parse(JSON.parse(readFileSync(new URL('../../scenarios/us-mexico-2019.json', import.meta.url), 'utf8')));
const tiny = tinyScenario();
const L = (en: string) => ({ en, es: en });
const unit = L('units');
const cost = (implementation: number) => ({ political: 0.1, reputational: 0.1, implementation });

/** Three seats: a second transit state further down the route, with its own guard and returns. */
const twoTransits = tinyScenario({
  seats: [
    ...tiny.seats,
    { ...tiny.seats[1], id: 'trans2', name: L('Second transit'), color: '#6a1b9a', capacity: 20 },
  ],
  instruments: [
    ...tiny.instruments,
    { id: 'guard2', seat: 'trans2', effect: 'enforcement', label: L('Guard 2'), help: L('Deploy.'), param: { min: 0, max: 10, step: 2, unit }, commit: 'atLeast', cost: cost(3), strength: 0.03, start: 2 },
    { id: 'accept2', seat: 'trans2', effect: 'accept_returns', label: L('Accept 2'), help: L('Receive.'), param: { min: 0, max: 3000, step: 1000, unit }, commit: 'atLeast', cost: cost(0.001), strength: 1 },
  ],
});

/** Bare instruments: a destination with no tariff and no returns, only aid; a transit state with only a guard. */
const bare = tinyScenario({
  instruments: [
    { id: 'guard', seat: 'trans', effect: 'enforcement', label: L('Guard'), help: L('Deploy.'), param: { min: 0, max: 20, step: 1, unit }, commit: 'atLeast', cost: cost(2), strength: 0.02 },
    { id: 'aid', seat: 'dest', effect: 'aid', label: L('Aid'), help: L('Fund.'), param: { min: 0, max: 100, step: 50, unit }, commit: 'atLeast', cost: cost(0.5), strength: 1 },
  ],
});

const POLICIES = BotPolicyId.options;
const pairings = POLICIES.flatMap((d) => POLICIES.map((t) => [d, t] as const));
const seatsOf = (scenario: Scenario) => scenario.seats.map((s) => s.id);

function play(scenario: Scenario, destination: BotPolicyId, transit: BotPolicyId, seed = 7) {
  const policies = Object.fromEntries(scenario.seats.map((s) => [s.id, s.role === 'destination' ? destination : transit]));
  return playBotGame(scenario, seed, policies, seed);
}

type Said = { round: number; seat: string; move: Move };

/** The record's moves, each with the round it was made in. */
function movesByRound(record: GameRecord): Said[] {
  let round = 1;
  let phase: GameState['phase'] = 'briefing';
  const said: Said[] = [];
  const next: Record<GameState['phase'], GameState['phase']> = { briefing: 'negotiation', negotiation: 'decision', decision: 'resolution', resolution: 'debrief', debrief: 'briefing', ended: 'ended' };
  for (const entry of record.entries) {
    if (entry.kind === 'move') said.push({ round, seat: entry.seat, move: entry.move });
    else {
      if (phase === 'debrief') round += 1;
      phase = next[phase];
    }
  }
  return said;
}

function stream(seed: number): () => number {
  let rng = seed;
  return () => {
    const d = nextRandom(rng);
    rng = d.rng;
    return d.value;
  };
}

describe.each([usMexico, tiny, twoTransits, bare].map((s) => [s.id === 'tiny' ? `${s.id} (${s.seats.length} seats, ${s.instruments.length} instruments)` : s.id, s] as const))(
  'every pairing of bots on %s',
  (_name, scenario) => {
    it.each(pairings)('%s destination against %s transit plays to the end, legally, and replays to the same state', (destination, transit) => {
      for (const seed of [1, 2, 3]) {
        const { record, state } = play(scenario, destination, transit, seed);
        expect(state.phase).toBe('ended');
        expect(state.history).toHaveLength(scenario.rounds.length);
        expect(stateHash(replay(scenario, record))).toBe(stateHash(state));
        // Nobody loops and nobody stalls: every phase ended because every seat was done.
        expect(record.entries.filter((e) => e.kind === 'advance' && e.reason !== 'all-ready')).toEqual([]);
        for (const result of state.history) {
          for (const seat of seatsOf(scenario)) {
            const levels = result.seats[seat].levels;
            for (const [id, level] of Object.entries(levels)) {
              const inst = findInstrument(scenario, id);
              expect(inst && isLegalLevel(inst, level), `${seat} ${id}=${level}`).toBe(true);
            }
          }
        }
      }
    });
  },
);

describe('bots see only their own view', () => {
  it('give the same moves when the other seats\' hidden values and sealed decisions are changed', () => {
    const { record } = play(usMexico, 'coercive', 'defensive');
    for (let upTo = 0; upTo <= record.entries.length; upTo += 7) {
      const state = replay(usMexico, record, upTo);
      for (const seat of seatsOf(usMexico)) {
        for (const id of POLICIES) {
          const view = playerView(state, seat);
          const tampered = structuredClone(view);
          for (const [other, s] of Object.entries(tampered.seats)) {
            if (other === seat) continue;
            s.hidden = { resolve: 0.123 };
            if (s.decision === null) s.decision = { us_tariff: 25, mx_guard: 25 };
          }
          const moves = BOT_POLICIES[id]({ scenario: usMexico, view, seat, random: stream(5) });
          expect(BOT_POLICIES[id]({ scenario: usMexico, view: tampered, seat, random: stream(5) })).toEqual(moves);
          for (const move of moves) expect(move.version).toBe(view.version);
        }
      }
    }
  });

  it.each(POLICIES.flatMap((d) => POLICIES.map((t) => [d, t] as const)))(
    'a %s destination\'s hidden resolve does not change what a %s transit state does before the first resolution',
    (destination, transit) => {
      const transitMoves = (resolve: number) => {
        const state = createGame(usMexico, 4);
        state.seats.us.hidden.resolve = resolve;
        const { entries } = runBots(usMexico, state, { us: destination, mx: transit }, 4, (s) => s.history.length > 0);
        return entries.flatMap((e) => (e.kind === 'move' && e.seat === 'mx' ? [e.move] : []));
      };
      expect(transitMoves(0.9)).toEqual(transitMoves(0.4));
    },
  );
});

describe('worked examples', () => {
  it('the coercive hegemon threatens a 5-point tariff in round 1, carries it out when the demand is refused, and escalates 5 points a month', () => {
    const { record, state } = play(usMexico, 'coercive', 'restraint');
    const round1 = movesByRound(record).filter((m) => m.round === 1 && m.seat === 'us' && m.move.type !== 'ready' && m.move.type !== 'decide');
    expect(round1.map((m) => m.move)).toEqual([
      { type: 'threaten', version: 3, target: 'mx', demand: { instrument: 'mx_guard', amount: 20 }, consequence: { instrument: 'us_tariff', amount: 5 }, dueRound: 1 },
      { type: 'threaten', version: 3, target: 'mx', demand: { instrument: 'mx_returns', amount: 10000 }, consequence: { instrument: 'us_tariff', amount: 5 }, dueRound: 1 },
      { type: 'propose', version: 3, to: 'mx', rounds: 1, commitments: [
        { seat: 'mx', instrument: 'mx_guard', amount: 20 },
        { seat: 'mx', instrument: 'mx_returns', amount: 10000 },
        { seat: 'us', instrument: 'us_tariff', amount: 0 },
      ] },
    ]);
    expect(state.history.map((r) => r.seats.us.levels.us_tariff)).toEqual([5, 10, 15, 20, 25, 25]);
    expect(state.history[0].threats.map((t) => t.status)).toEqual(['carried_out', 'carried_out']);
  });

  it('the coercive hegemon drops the tariff when a defensive transit state meets its demand (June 2019)', () => {
    const { state } = play(usMexico, 'coercive', 'defensive');
    expect(state.history.map((r) => r.seats.us.levels.us_tariff)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(state.history.map((r) => [r.seats.mx.levels.mx_guard, r.seats.mx.levels.mx_returns])).toEqual(Array(6).fill([20, 10000]));
    expect(state.history.flatMap((r) => r.threats.map((t) => t.status))).toEqual(Array(12).fill('complied'));
  });

  it('a defensive transit state facing a pending tariff threat deploys enforcement and accepts a bounded returns scheme, never the maximum', () => {
    let s = advanceTo(usMexico, createGame(usMexico, 3), 'negotiation');
    s = must(usMexico, s, 'us', { type: 'threaten', version: s.version, target: 'mx', demand: { instrument: 'mx_returns', amount: 30000 }, consequence: { instrument: 'us_tariff', amount: 5 }, dueRound: 1 });
    s = must(usMexico, s, 'us', { type: 'propose', version: s.version, to: 'mx', rounds: 1, commitments: [
      { seat: 'mx', instrument: 'mx_guard', amount: 20 },
      { seat: 'mx', instrument: 'mx_returns', amount: 30000 },
      { seat: 'us', instrument: 'us_tariff', amount: 0 },
    ] });
    const counter = BOT_POLICIES.defensive({ scenario: usMexico, view: playerView(s, 'mx'), seat: 'mx', random: () => 0 });
    expect(counter).toEqual([{ type: 'counter', version: s.version, proposalId: 'p2', rounds: 1, commitments: [
      { seat: 'mx', instrument: 'mx_guard', amount: 15 },
      { seat: 'mx', instrument: 'mx_returns', amount: 10000 },
      { seat: 'us', instrument: 'us_tariff', amount: 0 },
      { seat: 'us', instrument: 'us_returns', amount: 10000 },
    ] }]);
    s = must(usMexico, s, 'mx', counter[0]);
    s = must(usMexico, s, 'us', { type: 'accept', version: s.version, proposalId: 'p3' });
    s = advanceTo(usMexico, s, 'decision');
    const [decision] = BOT_POLICIES.defensive({ scenario: usMexico, view: playerView(s, 'mx'), seat: 'mx', random: () => 0 });
    expect(decision).toEqual({ type: 'decide', version: s.version, levels: { mx_guard: 15, mx_returns: 10000, mx_loosen: 0, mx_asylum: 3 } });
  });

  it('a defensive transit state accepts a bounded package outright and refuses nothing it can afford', () => {
    let s = advanceTo(usMexico, createGame(usMexico, 3), 'negotiation');
    s = must(usMexico, s, 'us', { type: 'threaten', version: s.version, target: 'mx', demand: { instrument: 'mx_guard', amount: 20 }, consequence: { instrument: 'us_tariff', amount: 5 }, dueRound: 1 });
    s = must(usMexico, s, 'us', { type: 'propose', version: s.version, to: 'mx', rounds: 1, commitments: [
      { seat: 'mx', instrument: 'mx_guard', amount: 20 },
      { seat: 'mx', instrument: 'mx_returns', amount: 10000 },
      { seat: 'us', instrument: 'us_tariff', amount: 0 },
    ] });
    expect(BOT_POLICIES.defensive({ scenario: usMexico, view: playerView(s, 'mx'), seat: 'mx', random: () => 0.5 })).toEqual([{ type: 'accept', version: s.version, proposalId: 'p2' }]);
  });

  it.each(POLICIES)('restraint makes no threats and no proposals, and holds the status quo against a %s counterpart', (other) => {
    for (const [scenario, restrained, destination, transit] of [[usMexico, 'mx', other, 'restraint'], [usMexico, 'us', 'restraint', other], [tiny, 'trans', other, 'restraint']] as const) {
      const { record, state } = play(scenario, destination, transit);
      const kinds = new Set(movesByRound(record).filter((m) => m.seat === restrained).map((m) => m.move.type));
      for (const kind of ['propose', 'counter', 'threaten', 'promise', 'withdraw']) expect(kinds.has(kind as Move['type'])).toBe(false);
      const agreed = state.agreements.some((a) => a.parties.includes(restrained));
      if (!agreed) {
        const quo = Object.fromEntries(scenario.instruments.filter((i) => i.seat === restrained).map((i) => [i.id, i.start ?? i.param.min]));
        for (const result of state.history) expect(result.seats[restrained].levels).toEqual(quo);
      }
    }
  });

  it('the dealmaker\'s proposal is accepted by another dealmaker and both honour it', () => {
    const { record, state } = play(usMexico, 'dealmaker', 'dealmaker');
    const first = movesByRound(record).find((m) => m.move.type === 'propose');
    expect(first?.seat).toBe('us');
    expect(first?.move).toMatchObject({ to: 'mx', rounds: 2, commitments: [
      { seat: 'mx', instrument: 'mx_guard', amount: 12 },
      { seat: 'mx', instrument: 'mx_returns', amount: 5000 },
      { seat: 'us', instrument: 'us_tariff', amount: 0 },
      { seat: 'us', instrument: 'us_returns', amount: 5000 },
      { seat: 'us', instrument: 'us_pathway', amount: 5000 },
      { seat: 'us', instrument: 'us_aid', amount: 150 },
    ] });
    expect(state.proposals.map((p) => p.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const compliance = state.history.flatMap((r) => r.compliance);
    expect(compliance).toHaveLength(6 * 6);
    expect(compliance.every((c) => c.ratio === 1)).toBe(true);
  });

  it('a punitive transit state answers a tariff by threatening to loosen controls, then loosens and refuses returns', () => {
    const { record, state } = play(usMexico, 'punitive', 'punitive');
    expect(state.history.map((r) => r.seats.us.levels.us_tariff)).toEqual([0, 5, 10, 15, 20, 25]);
    const threats = movesByRound(record).filter((m) => m.seat === 'mx' && m.move.type === 'threaten');
    expect(threats.map((m) => m.round)).toEqual([3, 4, 5, 6]);
    expect(threats[0].move).toMatchObject({ target: 'us', demand: { instrument: 'us_tariff', amount: 0 }, consequence: { instrument: 'mx_loosen', amount: 5 }, dueRound: 3 });
    expect(state.history.map((r) => r.seats.mx.levels)).toEqual([
      ...Array(2).fill({ mx_guard: 6, mx_returns: 0, mx_loosen: 0, mx_asylum: 3 }),
      ...Array(4).fill({ mx_guard: 0, mx_returns: 0, mx_loosen: 5, mx_asylum: 3 }),
    ]);
  });

  it('an extractive transit state asks to be paid for enforcement and, unpaid, keeps enforcement at its minimum', () => {
    const { record, state } = play(usMexico, 'restraint', 'extractive');
    const asks = movesByRound(record).filter((m) => m.seat === 'mx' && m.move.type === 'propose');
    expect(asks).toHaveLength(6);
    expect(asks[0].move).toMatchObject({ commitments: [
      { seat: 'mx', instrument: 'mx_guard', amount: expect.any(Number) },
      { seat: 'us', instrument: 'us_tariff', amount: 0 },
      { seat: 'us', instrument: 'us_aid', amount: 400 },
      { seat: 'us', instrument: 'us_pathway', amount: 15000 },
    ] });
    expect(state.history.map((r) => r.seats.mx.levels.mx_guard)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('an extractive destination buys enforcement and returns with aid, and requests the returns it paid for', () => {
    const { state } = play(usMexico, 'extractive', 'dealmaker');
    const [deal] = state.agreements;
    expect(deal.commitments.filter((c) => c.seat === 'mx').map((c) => c.instrument)).toEqual(['mx_guard', 'mx_returns']);
    const returns = deal.commitments.find((c) => c.instrument === 'mx_returns')?.amount;
    expect(state.history[0].seats.us.levels.us_aid).toBeGreaterThan(0);
    expect(state.history[0].seats.us.levels.us_returns).toBe(returns);
    expect(state.history[0].returned).toBe(returns);
  });

  it('a defensive destination meets high arrivals with its own asylum capacity and a cooperative offer', () => {
    const { record, state } = play(usMexico, 'defensive', 'restraint');
    const first = movesByRound(record).filter((m) => m.round === 1 && m.seat === 'us').map((m) => m.move.type);
    expect(first).toEqual(['ready', 'propose', 'ready', 'decide', 'ready', 'ready']);
    expect(state.history[0].seats.us.levels.us_asylum).toBe(60);
  });
});

describe('a bot never holds up the table', () => {
  it.each(['dealmaker', 'extractive', 'coercive'] as const)('a %s bot whose offer stands unanswered withdraws it once every other seat is ready, then says ready', (policy) => {
    // The first seat at which this policy opens round 1's talks with a proposal.
    let opened = false;
    for (const seat of seatsOf(usMexico)) {
      let state = advanceTo(usMexico, createGame(usMexico, 5), 'negotiation');
      const ctx = () => ({ scenario: usMexico, view: playerView(state, seat), seat, random: () => 0.5 });
      if (!BOT_POLICIES[policy](ctx()).some((m) => m.type === 'propose')) continue;
      // Everything it has to say this round (threats and offers), until it waits.
      for (let moves = BOT_POLICIES[policy](ctx()); moves.length > 0; moves = BOT_POLICIES[policy](ctx())) {
        for (const move of moves) state = must(usMexico, state, seat, move);
      }
      const opening = state.proposals.filter((p) => p.from === seat && p.status === 'open');
      expect(opening.length).toBeGreaterThan(0);
      const other = seatsOf(usMexico).find((s) => s !== seat) as string;
      state = must(usMexico, state, other, { type: 'ready', version: state.version });
      const next = BOT_POLICIES[policy](ctx());
      expect(next.map((m) => m.type)).toEqual(opening.map(() => 'withdraw'));
      for (const move of next) state = must(usMexico, state, seat, move);
      expect(BOT_POLICIES[policy](ctx())).toEqual([{ type: 'ready', version: state.version }]);
      opened = true;
      break;
    }
    expect(opened).toBe(true);
  });
});
