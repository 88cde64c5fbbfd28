import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CLASSROOM_SECONDS, phaseSeconds, readingSeconds } from '../../shared/rules/index.ts';
import { publicScenario } from '../../shared/scenario/public.ts';
import { Scenario } from '../../shared/scenario/schema.ts';
import { tinyScenario } from './fixtures/tiny-scenario.ts';

const shipped = (id: string): Scenario => Scenario.parse(JSON.parse(readFileSync(new URL(`../../scenarios/${id}.json`, import.meta.url), 'utf8')));

describe('classroom phase lengths by default', () => {
  // The summary and the longest seat briefing, in the longer language, at 200 words a minute,
  // rounded up to 15 s: us-mexico-2019 is 49 + 220 = 269 Spanish words, 80.7 s, so 1:30.
  test.each([
    ['us-mexico-2019', 90],
    ['us-mexico-2017-2020', 90],
    ['eu-turkey-2016', 90],
    ['recalcitrant-returns', 90],
    ['ethiopia-jobs-compact', 90],
    ['hemisphere-2023', 105],
    ['tutorial', 75],
  ])('%s: the briefing lasts %i s, long enough to read it at 200 words a minute', (id, seconds) => {
    const scenario = shipped(id);
    expect(readingSeconds(scenario)).toBe(seconds);
    expect(phaseSeconds(scenario, 'briefing')).toBe(seconds);
  });

  test.each(['us-mexico-2019', 'hemisphere-2023', 'tutorial'])('%s: negotiation 5:00, decision 2:00, resolution 5:00 (it ends when all are ready), debrief 2:00', (id) => {
    const scenario = shipped(id);
    expect([phaseSeconds(scenario, 'negotiation'), phaseSeconds(scenario, 'decision'), phaseSeconds(scenario, 'resolution'), phaseSeconds(scenario, 'debrief')]).toEqual([300, 120, 300, 120]);
    expect(phaseSeconds(scenario, 'ended')).toBe(0);
  });

  test('a short briefing still lasts a minute; a scenario may ask for longer than the classroom, never for less', () => {
    const tiny = tinyScenario();
    expect(readingSeconds(tiny)).toBeLessThan(CLASSROOM_SECONDS.briefing);
    expect(phaseSeconds(tiny, 'briefing')).toBe(60);
    const slow = { ...tiny, timers: { ...tiny.timers, negotiation: 900, decision: 30 } };
    expect(phaseSeconds(slow, 'negotiation')).toBe(900);
    expect(phaseSeconds(slow, 'decision')).toBe(120);
  });

  test('lengths the instructor or creator set are kept exactly, short ones too', () => {
    const scenario = shipped('us-mexico-2019');
    const timers = { briefing: 1, negotiation: 45, resolution: 5 };
    expect(phaseSeconds(scenario, 'briefing', timers)).toBe(1);
    expect(phaseSeconds(scenario, 'negotiation', timers)).toBe(45);
    expect(phaseSeconds(scenario, 'resolution', timers)).toBe(5);
    expect(phaseSeconds(scenario, 'decision', timers)).toBe(120);
  });

  test('the public copy, briefings withheld, carries the same lengths the game uses', () => {
    const scenario = shipped('hemisphere-2023');
    const open = publicScenario(scenario);
    expect(open.timers).toEqual({ briefing: 105, negotiation: 300, decision: 120, resolution: 300, debrief: 120 });
    for (const phase of ['briefing', 'negotiation', 'decision', 'resolution', 'debrief'] as const) expect(phaseSeconds(open, phase)).toBe(phaseSeconds(scenario, phase));
  });
});
