import { describe, expect, it } from 'vitest';
import { createGame, playerView } from '../../shared/rules/index.ts';
import { tinyScenario } from './fixtures/tiny-scenario.ts';
import { advanceTo, must } from './fixtures/play.ts';

const scenario = tinyScenario();
let s = advanceTo(scenario, createGame(scenario, 3), 'negotiation');
s = must(scenario, s, 'dest', { type: 'chat', version: s.version, to: 'trans', text: 'Private word' });
s = must(scenario, s, 'dest', { type: 'threaten', version: s.version, target: 'trans', demand: { instrument: 'guard', amount: 5 }, consequence: { instrument: 'tariff', amount: 5 }, dueRound: 2 });
s = advanceTo(scenario, s, 'decision');
s = must(scenario, s, 'dest', { type: 'decide', version: s.version, levels: { tariff: 5 } });

describe('playerView shows each seat only what it may see', () => {
  it('gives the owner its sealed decision and hidden resolve', () => {
    const view = playerView(s, 'dest');
    expect(view.seats.dest.decision).toMatchObject({ tariff: 5 });
    expect(view.seats.dest.hidden).toEqual({ resolve: 0.5 });
  });

  it('shows the other seat that a decision is in, but not what it is, nor the hidden resolve', () => {
    const view = playerView(s, 'trans');
    expect(view.seats.dest.submitted).toBe(true);
    expect(view.seats.dest.decision).toBeNull();
    expect(view.seats.dest.hidden).toEqual({});
    expect(view.chat).toHaveLength(1);
    expect(view.threats).toHaveLength(1);
  });

  it('never shows the seed or the generator state, which would reveal what is hidden', () => {
    for (const seat of ['dest', 'trans', null]) {
      const view = playerView(s, seat);
      expect([view.seed, view.rng]).toEqual([0, 0]);
    }
  });

  it('gives a spectator the public view only: no secrets, no private talks', () => {
    const view = playerView(s, null);
    expect(view.seats.dest.decision).toBeNull();
    expect(view.seats.dest.hidden).toEqual({});
    expect(view.chat).toEqual([]);
    expect(view.threats).toEqual([]);
  });

  it('opens decisions to everyone once the round resolves', () => {
    const resolved = advanceTo(scenario, s, 'resolution');
    expect(playerView(resolved, 'trans').seats.dest.decision).toMatchObject({ tariff: 5 });
  });
});
