import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hintsFor } from '../../shared/scenario/hints.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import { publicScenario } from '../../shared/scenario/public.ts';
import { Scenario } from '../../shared/scenario/schema.ts';
import { tinyScenario } from './fixtures/tiny-scenario.ts';

const L = (en: string) => ({ en, es: `${en} (es)` });

describe('scenario hints', () => {
  it('default to none, so a scenario without them shows no banner', () => {
    expect(tinyScenario().hints).toEqual([]);
    expect(hintsFor(tinyScenario(), 1, 'negotiation')).toEqual([]);
  });

  it('pick the tips for this phase: this round first, then those for every round', () => {
    const scenario = tinyScenario({
      hints: [
        { phase: 'negotiation', text: L('Every round: make an offer.') },
        { round: 2, phase: 'negotiation', text: L('Round 2: agreements bind.') },
        { round: 1, phase: 'decision', text: L('Round 1: mind the budget.') },
      ],
    });
    expect(hintsFor(scenario, 1, 'negotiation').map((h) => h.text.en)).toEqual(['Every round: make an offer.']);
    expect(hintsFor(scenario, 2, 'negotiation').map((h) => h.text.en)).toEqual(['Round 2: agreements bind.', 'Every round: make an offer.']);
    expect(hintsFor(scenario, 2, 'decision')).toEqual([]);
  });

  it('refuse a round past the last one, at the hint\'s path', () => {
    const parsed = parseScenario({ ...tinyScenario(), hints: [{ round: 9, phase: 'briefing', text: L('Too late.') }] });
    expect(parsed.ok ? [] : parsed.issues).toEqual([{ path: 'hints[0].round', message: 'round 9 is past the last round' }]);
  });

  it('reach every player through the public scenario, and the tutorial greets a first game', () => {
    const tutorial = Scenario.parse(JSON.parse(readFileSync(new URL('../../scenarios/tutorial.json', import.meta.url), 'utf8')));
    expect(publicScenario(tutorial).hints).toEqual(tutorial.hints);
    for (const phase of ['briefing', 'negotiation', 'decision', 'resolution', 'debrief'] as const) {
      expect(hintsFor(tutorial, 1, phase).length, phase).toBeGreaterThan(0);
    }
    expect(hintsFor(tutorial, 3, 'ended').length).toBeGreaterThan(0);
  });
});
