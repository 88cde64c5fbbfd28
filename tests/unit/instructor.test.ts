import { describe, expect, it } from 'vitest';
import { createGame, endGame, injectEvent, replay, stateHash } from '../../shared/rules/index.ts';
import { tinyScenario } from './fixtures/tiny-scenario.ts';
import { advanceTo, playRound, Recorder } from './fixtures/play.ts';

const L = (en: string) => ({ en, es: en });
const scenario = tinyScenario({
  events: [{ id: 'caravan', chance: 0, title: L('Caravan'), text: L('A large group sets out.'), effects: { flowMultiplier: 2, salience: 10, approval: { dest: -5 } } }],
});

describe('instructor steering', () => {
  it('brings an event into the round: its shifts at once, its flows at resolution', () => {
    const start = advanceTo(scenario, createGame(scenario, 1), 'negotiation');
    const injected = injectEvent(scenario, start, 'caravan');
    expect(injected.ok).toBe(true);
    if (!injected.ok) return;
    const s = injected.value.state;
    expect(s.events).toEqual(['caravan']);
    expect(s.salience).toBe(60);
    expect(s.seats.dest.indicators.approval).toBe(45);
    const resolved = playRound(scenario, s, { dest: {}, trans: {} });
    expect(resolved.history[0].flows[0].setOut).toBe(20000);
  });

  it('refuses an unknown event, the same event twice, and any event after resolution', () => {
    const start = advanceTo(scenario, createGame(scenario, 1), 'negotiation');
    const once = injectEvent(scenario, start, 'caravan');
    if (!once.ok) throw new Error('first injection refused');
    expect(injectEvent(scenario, start, 'volcano')).toMatchObject({ ok: false, rejection: { code: 'event/unknown' } });
    expect(injectEvent(scenario, once.value.state, 'caravan')).toMatchObject({ ok: false, rejection: { code: 'event/already' } });
    expect(injectEvent(scenario, advanceTo(scenario, start, 'resolution'), 'caravan')).toMatchObject({ ok: false, rejection: { code: 'phase/wrong' } });
  });

  it('ends a table where it stands, and nothing moves after', () => {
    const start = advanceTo(scenario, createGame(scenario, 1), 'negotiation');
    const ended = endGame(start);
    expect(ended.ok && ended.value.state.phase).toBe('ended');
    if (ended.ok) expect(endGame(ended.value.state)).toMatchObject({ ok: false, rejection: { code: 'game/over' } });
  });

  it('replays injections and an early end to the same state', () => {
    const table = new Recorder(scenario, createGame(scenario, 4), 4);
    table.advance();
    const injected = injectEvent(scenario, table.state, 'caravan');
    if (!injected.ok) throw new Error('refused');
    table.state = injected.value.state;
    table.record.entries.push({ kind: 'inject', seq: table.record.entries.length + 1, at: 0, actor: { kind: 'instructor' }, eventId: 'caravan' });
    table.advance();
    const ended = endGame(table.state);
    if (!ended.ok) throw new Error('refused');
    table.state = ended.value.state;
    table.record.entries.push({ kind: 'end', seq: table.record.entries.length + 1, at: 0, actor: { kind: 'instructor' } });
    expect(stateHash(replay(scenario, table.record))).toBe(stateHash(table.state));
  });
});
