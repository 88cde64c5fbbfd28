import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { balance, formatBalance } from '../../scripts/scenario-balance.ts';
import { scenarioFiles } from '../../scripts/scenario-check.ts';
import { BotPolicyId } from '../../shared/bots/policy.ts';
import { playBotGame } from '../../shared/bots/play-bot-game.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';

/** The library the issue asks for: six historical scenarios and the tutorial. */
const LIBRARY = ['tutorial', 'us-mexico-2019', 'us-mexico-2017-2020', 'hemisphere-2023', 'eu-turkey-2016', 'recalcitrant-returns', 'ethiopia-jobs-compact'];
const POLICIES = BotPolicyId.options;

const files = scenarioFiles();
const raw = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const scenarios: [string, Scenario][] = files.map((file) => {
  const parsed = parseScenario(raw(file));
  if (!parsed.ok) throw new Error(`${basename(file)}: ${JSON.stringify(parsed.issues)}`);
  return [parsed.scenario.id, parsed.scenario];
});

/**
 * Policy profiles to play, one policy per seat. Two seats: every pairing. More seats:
 * 36 profiles in which every policy meets every other on each pair of adjacent seats,
 * so the test stays fast while no combination of two temperaments goes untried.
 */
function profiles(seats: number): BotPolicyId[][] {
  const n = POLICIES.length;
  if (seats === 2) return POLICIES.flatMap((a) => POLICIES.map((b) => [a, b]));
  return Array.from({ length: n * n }, (_, i) => Array.from({ length: seats }, (_, s) => POLICIES[(Math.floor(i / n) + s * (i % n)) % n]));
}

type Text = { path: string; en: string; es: string };

/** Every player-facing text: any object carrying an `en` or an `es` string. */
function texts(value: unknown, path = ''): Text[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if ('en' in record || 'es' in record) return [{ path, en: String(record.en ?? ''), es: String(record.es ?? '') }];
  return Object.entries(record).flatMap(([key, v]) => texts(v, path === '' ? key : `${path}.${key}`));
}

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

describe('the scenario library', () => {
  it('has the six scenarios and the tutorial, each in a file that validates', () => {
    expect(scenarios.map(([id]) => id).sort()).toEqual(expect.arrayContaining([...LIBRARY].sort()));
  });

  it.each(scenarios)('%s plays to the end under every pairing of bot policies, without a refusal', (_id, scenario) => {
    const seats = scenario.seats.map((s) => s.id);
    for (const [k, profile] of profiles(seats.length).entries()) {
      const policies = Object.fromEntries(seats.map((seat, i) => [seat, profile[i]]));
      // playBotGame throws on any refused move, naming the bot and the rules' code.
      const { state } = playBotGame(scenario, 100 + k, policies, 7 + k);
      expect(state.phase, profile.join('/')).toBe('ended');
      expect(state.history).toHaveLength(scenario.rounds.length);
    }
  });

  it.each(scenarios)('%s speaks English and Spanish everywhere, and translates every sentence', (id) => {
    const file = files.find((f) => basename(f) === `${id}.json`) ?? '';
    const all = texts(raw(file));
    expect(all.length).toBeGreaterThan(20);
    const missing = all.filter((t) => t.en.trim() === '' || t.es.trim() === '').map((t) => t.path);
    expect(missing).toEqual([]);
    // A sentence of more than a few words left identical in both languages was not translated.
    const untranslated = all.filter((t) => words(t.en) > 4 && t.en === t.es).map((t) => t.path);
    expect(untranslated).toEqual([]);
  });

  it.each(scenarios)('%s cites its sources and tells the historical path round by round', (_id, scenario) => {
    expect(scenario.sources.some((s) => s.seed !== undefined)).toBe(true);
    expect(scenario.history.map((h) => h.round)).toEqual(scenario.rounds.map((_, i) => i + 1));
    for (const seat of scenario.seats) expect(words(seat.briefing.en), seat.id).toBeGreaterThan(80);
  });
});

describe('scenario:balance', () => {
  it('plays the tutorial for every pairing of policies and prints one cell per pairing', () => {
    const tutorial = scenarios.find(([id]) => id === 'tutorial')?.[1];
    if (!tutorial) throw new Error('no tutorial');
    const table = balance(tutorial, 1);
    expect(table.seats).toEqual(['norland', 'vadia']);
    expect(table.cells).toHaveLength(POLICIES.length ** 2);
    for (const cell of table.cells) {
      expect(cell.means).toHaveLength(2);
      for (const mean of cell.means) expect(mean).toBeGreaterThanOrEqual(0);
    }
    const lines = formatBalance(table);
    expect(lines[0]).toContain('norland');
    expect(lines.filter((l) => POLICIES.some((p) => l.startsWith(p)))).toHaveLength(POLICIES.length);
    expect(lines.at(-1)).toMatch(/^dominant policy: norland .* · vadia /);
  });
});
