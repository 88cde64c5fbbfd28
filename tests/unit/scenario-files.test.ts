import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it, expect } from 'vitest';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { checkScenarioText, checkScenarios, scenarioFiles } from '../../scripts/scenario-check.ts';
import { SCHEMA_FILE, scenarioJsonSchema } from '../../scripts/scenario-schema.ts';

const files = scenarioFiles();
const rawOf = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

function loaded(file: string): Scenario {
  const parsed = parseScenario(rawOf(file));
  if (!parsed.ok) throw new Error(`${file} does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}

describe('scenario files', () => {
  it('finds the scenarios and leaves the published schema out', () => {
    expect(files.map((f) => basename(f))).toContain('us-mexico-2019.json');
    expect(files.map((f) => basename(f))).not.toContain('schema.json');
  });

  it.each(files.map((f) => [basename(f), f]))('%s parses, names itself after its file and points at the schema', (name, file) => {
    const parsed = parseScenario(rawOf(file));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    const scenario = loaded(file);
    expect(`${scenario.id}.json`).toBe(name);
    expect(scenario.$schema).toBe('./schema.json');
  });

  it.each(files.map((f) => [basename(f), f]))('%s weighs each seat\'s objectives to a total of 1', (_name, file) => {
    for (const seat of loaded(file).seats) {
      const total = Object.values(seat.objectives).reduce((sum, w) => sum + w, 0);
      expect(total, seat.id).toBeCloseTo(1, 9);
    }
  });

  it.each(files.map((f) => [basename(f), f]))('%s makes budgets bind: no seat can afford every instrument at its maximum', (_name, file) => {
    const scenario = loaded(file);
    for (const seat of scenario.seats) {
      const instruments = scenario.instruments.filter((i) => i.seat === seat.id);
      const everything = instruments.reduce((sum, i) => sum + i.param.max * i.cost.implementation, 0);
      expect(everything, seat.id).toBeGreaterThan(seat.capacity);
    }
  });

  it('seats the United States as destination and Mexico as transit, with lopsided trade exposure', () => {
    const scenario = loaded(files.find((f) => basename(f) === 'us-mexico-2019.json') ?? '');
    const us = scenario.seats.find((s) => s.id === 'us');
    const mx = scenario.seats.find((s) => s.id === 'mx');
    expect(us?.role).toBe('destination');
    expect(mx?.role).toBe('transit');
    // FRAMEWORK §2: about 80% of Mexico's exports go to the US; the reverse share is small.
    expect(mx?.tradeExposure).toBeGreaterThan(us?.tradeExposure ?? 1);
    expect(us?.hidden.map((h) => h.key)).toEqual(['resolve']);
    expect(scenario.history.map((h) => h.round)).toEqual(scenario.rounds.map((_, i) => i + 1));
  });
});

describe('scenario:check', () => {
  const sample = readFileSync(files.find((f) => basename(f) === 'us-mexico-2019.json') ?? '', 'utf8');

  it('reports a valid scenario with a tick', () => {
    expect(checkScenarioText('scenarios/ok.json', sample)).toEqual({ ok: true, lines: ['✓ scenarios/ok.json'] });
  });

  it('names the file and the path of the broken field', () => {
    const broken = JSON.parse(sample);
    broken.seats[1].indicators.approval = 140;
    const report = checkScenarioText('scenarios/x.json', JSON.stringify(broken));
    expect(report.ok).toBe(false);
    expect(report.lines).toEqual(['scenarios/x.json: seats[1].indicators.approval: Too big: expected number to be <=100']);
  });

  it('reports cross-field problems at their path, one line each', () => {
    const broken = JSON.parse(sample);
    broken.instruments[0].seat = 'nobody';
    broken.events[0].round = 99;
    const report = checkScenarioText('x.json', JSON.stringify(broken));
    expect(report.lines).toEqual([
      'x.json: instruments[0].seat: unknown seat "nobody"',
      `x.json: events[0].round: round 99 is past the last round (${broken.rounds.length})`,
    ]);
  });

  it('reports a JSON syntax error with the file name', () => {
    const report = checkScenarioText('scenarios/typo.json', '{ "id": "x",, }');
    expect(report.ok).toBe(false);
    expect(report.lines).toHaveLength(1);
    expect(report.lines[0]).toMatch(/^scenarios\/typo\.json: invalid JSON: /);
  });

  it('checks every scenario when no file is named', () => {
    const report = checkScenarios();
    expect(report.ok).toBe(true);
    expect(report.lines).toHaveLength(files.length);
  });
});

describe('scenarios/schema.json', () => {
  it('is up to date with the zod schema (regenerate with `node scripts/scenario-schema.ts`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(scenarioJsonSchema());
  });
});
