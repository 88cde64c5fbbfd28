import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FRAMES_IN_FLIGHT, localFrames, remoteFrames, type FrameListener } from '../../client/review/frame-source.ts';
import { defaultChoice, forkBodyFrom, forkNameProblem, openSeats } from '../../client/review/fork-draft.ts';
import { credibilityText, outcomeText, shortfallText, statusAt } from '../../client/review/ledger-words.ts';
import { reviewLink, stepFromHash } from '../../client/review/review-header.ts';
import { keysReachFrom, nearestDecision, placeInGame, roundStarts, stepForKey, type KeyTarget } from '../../client/review/timeline-steps.ts';
import type { LedgerLine, TimelineEntry, TimelineMark } from '../../shared/review/schemas.ts';
import { createGame } from '../../shared/rules/create-game.ts';
import type { GameState } from '../../shared/rules/state.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';

const parsed = parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/us-mexico-2019.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(`scenario does not parse: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
const scenario: Scenario = parsed.scenario;
const base = createGame(scenario, 7);

/** A state told apart from the others by its version: what a step's frame would be. */
function stateFor(step: number): GameState {
  return { ...base, version: step };
}

type Deferred = { step: number; resolve(state: GameState): void; reject(error: Error): void };

/** A server whose answers arrive when the test says, in any order. */
function slowServer(): { load(step: number): Promise<GameState>; asked: Deferred[]; answer(step: number): void; fail(step: number): void } {
  const asked: Deferred[] = [];
  const find = (step: number): Deferred => {
    const found = asked.find((d) => d.step === step);
    if (found === undefined) throw new Error(`step ${step} was never asked for`);
    return found;
  };
  return {
    asked,
    load: (step) => new Promise<GameState>((resolve, reject) => asked.push({ step, resolve, reject })),
    answer: (step) => find(step).resolve(stateFor(step)),
    fail: (step) => find(step).reject(new Error(`step ${step} failed`)),
  };
}

function recorder(): FrameListener & { shown: number[]; waited: number[]; failures: number[] } {
  const shown: number[] = [];
  const waited: number[] = [];
  const failures: number[] = [];
  return {
    shown,
    waited,
    failures,
    frame: (step, state) => {
      expect(state.version).toBe(step);
      shown.push(step);
    },
    waiting: (step) => waited.push(step),
    failed: (step) => failures.push(step),
  };
}

/** Lets resolved promises run their callbacks. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('frames fetched from the server, latest wins', () => {
  test('a slow answer for a step the reader left is never shown over the newer one', async () => {
    const server = slowServer();
    const seen = recorder();
    const frames = remoteFrames(40, server.load, seen);
    frames.want(3);
    frames.want(9);
    server.answer(9);
    await settle();
    server.answer(3);
    await settle();
    expect(seen.shown).toEqual([9]);
    expect(seen.waited).toEqual([3, 9]);
  });

  test('an answer that arrives after the reader came back to its step is shown', async () => {
    const server = slowServer();
    const seen = recorder();
    const frames = remoteFrames(40, server.load, seen);
    frames.want(3);
    frames.want(9);
    frames.want(3);
    server.answer(3);
    await settle();
    expect(seen.shown).toEqual([3]);
    expect(server.asked.map((d) => d.step)).toEqual([3, 9]);
  });

  test('a step already fetched is shown at once, without asking again', async () => {
    const server = slowServer();
    const seen = recorder();
    const frames = remoteFrames(40, server.load, seen);
    frames.want(5);
    server.answer(5);
    await settle();
    frames.want(6);
    frames.want(5);
    expect(seen.shown).toEqual([5, 5]);
    expect(server.asked.map((d) => d.step)).toEqual([5, 6]);
  });

  test(`holding a key asks for at most ${FRAMES_IN_FLIGHT} steps at once, then for the one it stopped on`, async () => {
    const server = slowServer();
    const seen = recorder();
    const frames = remoteFrames(40, server.load, seen);
    for (let step = 1; step <= 8; step++) frames.want(step);
    expect(server.asked.map((d) => d.step)).toEqual([1, 2]);
    server.answer(1);
    await settle();
    expect(server.asked.map((d) => d.step)).toEqual([1, 2, 8]);
    server.answer(8);
    await settle();
    server.answer(2);
    await settle();
    expect(seen.shown).toEqual([8]);
  });

  test('a failure is reported only for the step the reader is on, and asking again retries', async () => {
    const server = slowServer();
    const seen = recorder();
    const frames = remoteFrames(40, server.load, seen);
    frames.want(2);
    frames.want(4);
    server.fail(2);
    await settle();
    expect(seen.failures).toEqual([]);
    server.fail(4);
    await settle();
    expect(seen.failures).toEqual([4]);
    frames.want(4);
    expect(server.asked.map((d) => d.step)).toEqual([2, 4, 4]);
  });

  test('steps outside the game are clamped to its first and last', async () => {
    const server = slowServer();
    const frames = remoteFrames(12, server.load, recorder());
    frames.want(-3);
    frames.want(99);
    expect(server.asked.map((d) => d.step)).toEqual([0, 12]);
  });

  test('the cache forgets the least recently seen step first', async () => {
    const server = slowServer();
    const seen = recorder();
    const frames = remoteFrames(40, server.load, seen, 2);
    for (const step of [1, 2]) {
      frames.want(step);
      server.answer(step);
      await settle();
    }
    frames.want(1); // 1 is now the most recent, 2 the oldest
    frames.want(3);
    server.answer(3);
    await settle();
    frames.want(1);
    frames.want(2);
    expect(server.asked.map((d) => d.step)).toEqual([1, 2, 3, 2]);
  });

  test('after dispose nothing is shown', async () => {
    const server = slowServer();
    const seen = recorder();
    const frames = remoteFrames(40, server.load, seen);
    frames.want(1);
    frames.dispose();
    server.answer(1);
    await settle();
    expect(seen.shown).toEqual([]);
  });

  test('a local replay answers at once, clamped', () => {
    const seen = recorder();
    const frames = localFrames({ steps: 10, stateAt: stateFor }, seen);
    frames.want(4);
    frames.want(15);
    frames.want(-1);
    expect(seen.shown).toEqual([4, 10, 0]);
  });
});

function entry(seq: number, round: number, phase: string, kind: TimelineEntry['kind'] = 'advance'): TimelineEntry {
  return { seq, at: seq * 1000, kind, seat: null, moveType: null, move: null, round, phase, eventId: null };
}

function mark(step: number, moveType: string | null, kind: TimelineMark['kind'] = 'move'): TimelineMark {
  return { step, seq: step, kind, seat: 'mx', moveType, round: 1, phase: 'negotiation', label: null, turning: false, resolves: false };
}

describe('moving along the timeline', () => {
  // Round 1 holds entries 1–4 (steps 0–3), round 2 entries 5–8 (steps 4–7), round 3 entries 9–10.
  const timeline = [
    entry(1, 1, 'briefing'),
    entry(2, 1, 'negotiation'),
    entry(3, 1, 'decision'),
    entry(4, 1, 'resolution'),
    entry(5, 2, 'briefing'),
    entry(6, 2, 'negotiation'),
    entry(7, 2, 'decision'),
    entry(8, 2, 'resolution'),
    entry(9, 3, 'briefing'),
    entry(10, 3, 'negotiation'),
  ];
  const starts = roundStarts(timeline);

  test('rounds begin at the step before their first entry', () => {
    expect(starts).toEqual([0, 4, 8]);
  });

  test.each([
    ['ArrowRight', 5, 6],
    ['ArrowLeft', 5, 4],
    ['ArrowLeft', 0, 0],
    ['ArrowRight', 10, 10],
    ['ArrowUp', 5, 6],
    ['ArrowDown', 5, 4],
    ['Home', 7, 0],
    ['End', 2, 10],
    ['PageDown', 1, 4],
    ['PageDown', 4, 8],
    ['PageDown', 9, 10],
    ['PageUp', 6, 4],
    ['PageUp', 4, 0],
    ['PageUp', 10, 8],
    ['PageUp', 0, 0],
  ])('%s from step %i goes to step %i', (key, from, to) => {
    expect(stepForKey(key, from, 10, starts)).toBe(to);
  });

  test('other keys do not move the scrubber', () => {
    expect(stepForKey('a', 3, 10, starts)).toBeNull();
    expect(stepForKey('Enter', 3, 10, starts)).toBeNull();
  });

  test('the state at a step is in the round and phase of the next entry', () => {
    expect(placeInGame(timeline, 0)).toEqual({ round: 1, phase: 'briefing' });
    expect(placeInGame(timeline, 5)).toEqual({ round: 2, phase: 'negotiation' });
    expect(placeInGame(timeline, 10)).toEqual({ round: 3, phase: 'negotiation' });
    expect(placeInGame([], 0)).toBeNull();
  });

  test('next and previous decision skip chats, readiness and phase changes', () => {
    const marks = [mark(1, 'ready'), mark(2, 'propose'), mark(3, 'chat'), mark(4, null, 'advance'), mark(5, 'decide'), mark(6, 'withdraw')];
    expect(nearestDecision(marks, 0, 1)).toBe(2);
    expect(nearestDecision(marks, 2, 1)).toBe(5);
    expect(nearestDecision(marks, 5, 1)).toBeNull();
    expect(nearestDecision(marks, 6, -1)).toBe(5);
    expect(nearestDecision(marks, 5, -1)).toBe(2);
    expect(nearestDecision(marks, 2, -1)).toBeNull();
  });

  const target = (tagName: string, type: string | null = null, inside: string | null = null, editable = false): KeyTarget => ({
    tagName,
    isContentEditable: editable,
    getAttribute: (name) => (name === 'type' ? type : null),
    closest: (selectors) => (inside !== null && selectors.split(',').map((s) => s.trim()).includes(inside) ? {} : null),
  });

  test.each([
    ['a button', target('BUTTON'), true],
    ['the page', target('MAIN'), true],
    ['a link', target('A'), true],
    ['a checkbox', target('INPUT', 'checkbox'), true],
    ['a text field', target('INPUT', 'text'), false],
    ['an input with no type', target('INPUT'), false],
    ['a radio button', target('INPUT', 'radio'), false],
    ['a number field', target('INPUT', 'number'), false],
    ['a text area', target('TEXTAREA'), false],
    ['a select', target('SELECT'), false],
    ['an editable block', target('DIV', null, null, true), false],
    ['the map, which scrolls sideways', target('DIV', null, '.map-scroll'), false],
    ['a wide table', target('DIV', null, '.table-scroll'), false],
    ['a dialog', target('BUTTON', null, 'dialog'), false],
  ])('keys reach the scrubber from %s: %s', (_name, from, expected) => {
    expect(keysReachFrom(from)).toBe(expected);
  });
});

function line(overrides: Partial<LedgerLine>): LedgerLine {
  return {
    kind: 'promise',
    id: 'pr1',
    seat: 'us',
    counterpart: 'mx',
    madeSeq: 5,
    madeRound: 1,
    settledRound: 2,
    settledStep: 20,
    instrument: 'tariff',
    committed: 5,
    actual: 0,
    outcome: 'kept',
    ratio: null,
    credibility: 1.5,
    limitedBy: null,
    ...overrides,
  };
}

describe('the commitment ledger in words', () => {
  test('a line read before its move was not made yet, then pending until the round that settles it is resolved', () => {
    const promise = line({});
    expect(statusAt(promise, 4)).toBe('not-yet');
    expect(statusAt(promise, 5)).toBe('pending');
    expect(statusAt(promise, 19)).toBe('pending');
    expect(statusAt(promise, 20)).toBe('kept');
    expect(statusAt(promise, null)).toBe('kept');
    expect(statusAt(line({ outcome: 'pending', settledStep: null, settledRound: null }), 200)).toBe('pending');
  });

  test.each([
    ['promise', 'kept', 'Kept', 'Se cumplió'],
    ['promise', 'broken', 'Broken', 'No se cumplió'],
    ['promise', 'lapsed', 'Lapsed', 'Caducó'],
    ['agreement', 'partly-kept', 'Partly kept', 'Se cumplió en parte'],
    ['threat', 'kept', 'Carried out', 'Ejecutada'],
    ['threat', 'broken', 'Not carried out', 'No ejecutada'],
    ['threat', 'complied', 'Complied with', 'Atendida'],
    ['promise', 'pending', 'Pending', 'Pendiente'],
  ] as const)('a %s %s reads “%s” / “%s”', (kind, outcome, en, es) => {
    const l = line({ kind, outcome });
    expect(outcomeText('en', l, null)).toBe(en);
    expect(outcomeText('es', l, null)).toBe(es);
  });

  test('the outcome is not told before it is known', () => {
    const l = line({ kind: 'threat', outcome: 'kept' });
    expect(outcomeText('en', l, 10)).toBe('Pending');
    expect(outcomeText('en', l, 2)).toBe('Not made yet');
    expect(outcomeText('es', l, 2)).toBe('Todavía no');
  });

  test('credibility shows its sign, and nothing while the outcome is open', () => {
    expect(credibilityText('en', line({ credibility: 1.5 }), null)).toBe('+1.5');
    expect(credibilityText('en', line({ outcome: 'broken', credibility: -3 }), null)).toBe('−3');
    expect(credibilityText('es', line({ outcome: 'broken', credibility: -2.25 }), null)).toBe('−2.25');
    expect(credibilityText('en', line({ outcome: 'lapsed', credibility: 0 }), null)).toBe('0');
    expect(credibilityText('en', line({ credibility: 1.5 }), 10)).toBe('');
  });

  test('an agreement kept in part says how much and why', () => {
    const partly = line({ kind: 'agreement', outcome: 'partly-kept', ratio: 0.6, limitedBy: 'capacity', credibility: 0 });
    expect(shortfallText('en', partly, null)).toBe('60% carried out · limited by capacity');
    expect(shortfallText('es', partly, null)).toBe('60% cumplido · por falta de capacidad');
    expect(shortfallText('en', partly, 10)).toBeNull();
    expect(shortfallText('en', line({ outcome: 'broken' }), null)).toBeNull();
  });
});

describe('the what-if form', () => {
  const seats = scenario.seats.map((s) => s.id);
  const [first, second] = seats;
  if (first === undefined || second === undefined) throw new Error('the scenario needs two seats');

  test.each([
    ['', 'fork.nameRequired'],
    ['   ', 'fork.nameRequired'],
    ['x'.repeat(41), 'fork.nameTooLong'],
    ['Ana\u0007', 'fork.nameControl'],
    ['Ana', null],
    [`  ${'x'.repeat(40)}  `, null],
  ])('the name %j is refused with %s', (name, problem) => {
    expect(forkNameProblem(name)).toBe(problem);
  });

  test('a body names every seat: the reader, a bot or an open seat', () => {
    const built = forkBodyFrom(scenario, { step: 12, me: first, others: { [second]: 'punitive' }, name: ' Ana ' });
    expect(built).toEqual({ ok: true, body: { step: 12, seats: { [first]: { by: 'me' }, [second]: { by: 'bot', policy: 'punitive' } }, name: 'Ana' } });
    const open = forkBodyFrom(scenario, { step: 0, me: second, others: { [first]: 'open' }, name: 'Ana' });
    expect(open.ok && openSeats(open.body)).toEqual([first]);
  });

  test('a bad name is the name field’s problem; an unknown seat or player is the form’s', () => {
    expect(forkBodyFrom(scenario, { step: 1, me: first, others: { [second]: 'open' }, name: '' })).toEqual({ ok: false, field: 'name', problem: 'fork.nameRequired' });
    expect(forkBodyFrom(scenario, { step: 1, me: 'nobody', others: {}, name: 'Ana' })).toEqual({ ok: false, field: 'form', problem: 'fork.pickSeat' });
    expect(forkBodyFrom(scenario, { step: 1, me: first, others: { [second]: 'chaos' }, name: 'Ana' })).toEqual({ ok: false, field: 'form', problem: 'fork.pickPlayer' });
  });

  test('a seat a bot held keeps its bot; a student’s seat gets the historical policy, or restraint', () => {
    expect(defaultChoice(scenario, { [second]: 'bot:coercive' }, second)).toBe('coercive');
    expect(defaultChoice({ ...scenario, historicalPolicies: undefined }, { [second]: 'Luis' }, second)).toBe('restraint');
    expect(defaultChoice({ ...scenario, historicalPolicies: { [first]: 'extractive', [second]: 'defensive' } }, { [second]: 'Luis' }, second)).toBe('defensive');
  });
});

describe('review addresses', () => {
  test('a step rides in the fragment, beside or without a secret', () => {
    expect(stepFromHash('#step=42')).toBe(42);
    expect(stepFromHash('#secret=abc&step=7')).toBe(7);
    expect(stepFromHash('step=0')).toBe(0);
    expect(stepFromHash('#step=-1')).toBeNull();
    expect(stepFromHash('#step=abc')).toBeNull();
    expect(stepFromHash('')).toBeNull();
  });

  test('a link to a step keeps the review address and adds the fragment', () => {
    expect(reviewLink('g1', null, 12)).toBe('/?review=g1#step=12');
    expect(reviewLink('g1', 'S9', null)).toBe('/?review=g1&session=S9');
  });
});
