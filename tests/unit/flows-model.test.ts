import { describe, expect, it } from 'vitest';
import { createGame } from '../../shared/rules/index.ts';
import { flowsModel } from '../../client/ui/flows-model.ts';
import { formatNumber } from '../../client/ui/format.ts';
import { advanceTo } from './fixtures/play.ts';
import { usMexico2019 } from './fixtures/moments.ts';

const s = usMexico2019();
/** A round resolved by the rules with every level left where the scenario starts it. */
const resolved = advanceTo(s, advanceTo(s, createGame(s, 2019), 'decision'), 'resolution');
const r = resolved.history.at(-1)!;

describe('flowsModel: the flows table of one round, in words', () => {
  it('has one row per flow in the round and the total last, each figure the round result formatted for the language', () => {
    for (const locale of ['en', 'es'] as const) {
      const model = flowsModel(s, locale, r);
      const figures = (ns: number[]): string[] => ns.map((n) => formatNumber(locale, n, 0));
      expect(model.rows).toEqual([
        ...r.flows.map((f) => ({ label: s.flows.find((x) => x.id === f.flow)!.name[locale], values: figures([f.setOut, f.diverted, f.interdicted, f.arrived]), total: false })),
        { label: 'Total', values: figures([r.setOut, r.diverted, r.interdicted, r.arrivals]), total: true },
      ]);
      expect(model.rows.length).toBe(r.flows.length + 1);
    }
  });

  it('names the caption and the columns in the language, the figures in the order of the columns', () => {
    expect(flowsModel(s, 'en', r)).toMatchObject({ caption: 'Flows', nameColumn: 'Flow', columns: ['Set out', 'Legal pathways', 'Stopped in transit', 'Arrived'] });
    expect(flowsModel(s, 'es', r)).toMatchObject({ caption: 'Flujos', nameColumn: 'Flujo', columns: ['Partieron', 'Vías legales', 'Detenidos en tránsito', 'Llegaron'] });
  });
});
