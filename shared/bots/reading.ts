import { agreementsInForce, findInstrument, instrumentsOf, meetsCommitment, threatsDue, type Agreement, type Commitment, type GameState, type InstrumentUse, type Threat } from '../rules/index.ts';
import type { Effect, Instrument, Role, Scenario } from '../scenario/schema.ts';
import { MOVING_THREAT } from './tuning.ts';

/**
 * What a seat can read off its own view of the table. Everything here works on a
 * `playerView`: nothing needs another seat's hidden parameters or sealed decision.
 */

export function roleOf(scenario: Scenario, seat: string): Role {
  const found = scenario.seats.find((s) => s.id === seat);
  if (!found) throw new Error(`no seat "${seat}" in ${scenario.id}`);
  return found.role;
}

/** The seats across the table: transit states for a destination, destinations for a transit state. */
export function counterparts(scenario: Scenario, seat: string): string[] {
  const role = roleOf(scenario, seat);
  return scenario.seats.filter((s) => s.role !== role).map((s) => s.id);
}

/** A seat's instruments with a given effect, read by what they do rather than by id. */
export function holding(scenario: Scenario, seat: string, effect: Effect): Instrument[] {
  return instrumentsOf(scenario, seat).filter((inst) => inst.effect === effect);
}

/** The destination's sticks against a transit state: a tariff, or visas withheld from its nationals (INA 243(d)). */
export const PRESSURE_EFFECTS: readonly Effect[] = ['tariff', 'visa_sanctions'];

/** A seat's pressure instruments, which every temperament reads alike: raised to punish, lifted in a deal. */
export function pressures(scenario: Scenario, seat: string): Instrument[] {
  return instrumentsOf(scenario, seat).filter((inst) => PRESSURE_EFFECTS.includes(inst.effect));
}

/** Agreements in force this round that `seat` is party to, with `other` too when given. */
export function agreementsWith(view: GameState, seat: string, other?: string): Agreement[] {
  return agreementsInForce(view, view.round, seat).filter((a) => other === undefined || a.parties.includes(other));
}

/** Commitments `by` owes this round under agreements `seat` is party to (`by` may be `seat` itself). */
export function owedBy(view: GameState, seat: string, by: string): Commitment[] {
  const other = by === seat ? undefined : by;
  return agreementsWith(view, seat, other).flatMap((a) => a.commitments.filter((c) => c.seat === by));
}

/** Does an agreement in force already bind `by` to do at least what `use` asks? */
export function covered(scenario: Scenario, view: GameState, seat: string, by: string, use: InstrumentUse): boolean {
  const inst = findInstrument(scenario, use.instrument);
  if (!inst) return false;
  return owedBy(view, seat, by).some((c) => c.instrument === use.instrument && meetsCommitment(inst, c.amount, use.amount));
}

export function pendingThreats(view: GameState, by: string, target: string): Threat[] {
  return view.threats.filter((t) => t.by === by && t.target === target && t.status === 'pending');
}

/**
 * How hard a threat presses its target, as the target can read it (0..1): how likely it is
 * to be carried out, times how much the consequence would hurt.
 * Likelihood is the threatener's credibility (its record of carrying threats out), raised by
 * the salience of migration, which makes a government readier to act and a harm costlier to
 * bear (Greenhill 2010: coercion needs a credible challenger; FRAMEWORK §2, salience).
 * Harm grows with the consequence's move from the level in force, as a share of the
 * instrument's range, but less than in proportion: the first step is the one that breaks the
 * status quo (a 5% tariff announced in June 2019 moved markets and Mexico within days). For a
 * tariff it is weighted by the target's trade exposure (asymmetric interdependence: a tariff
 * on a state sending 80% of its exports hurts it far harder than one sending a sixth).
 * Nothing here is hidden: credibility, salience and exposure are on every seat's view.
 */
export function threatPressure(scenario: Scenario, view: GameState, threat: Threat): number {
  const inst = findInstrument(scenario, threat.consequence.instrument);
  if (!inst) return 0;
  const credibility = view.seats[threat.by]?.indicators.credibility ?? 0;
  const likelihood = Math.min(1, (credibility / 100) * (0.5 + view.salience / 100));
  const range = inst.param.max - inst.param.min;
  const move = range > 0 ? Math.abs(threat.consequence.amount - inForce(view, inst)) / range : 0;
  const exposure = inst.effect === 'tariff' ? 2 * (scenario.seats.find((s) => s.id === threat.target)?.tradeExposure ?? 0.5) : 1;
  return likelihood * Math.min(1, Math.sqrt(move) * exposure);
}

/**
 * Threats `by` made against `target` still hanging over it and pressing hard enough to
 * weigh on its choices, unless an agreement already meets the demand. An empty threat from
 * a threatener whose past threats came to nothing moves no one.
 */
export function threatsHanging(scenario: Scenario, view: GameState, by: string, target: string): Threat[] {
  return pendingThreats(view, by, target).filter((t) => threatPressure(scenario, view, t) >= MOVING_THREAT && !covered(scenario, view, target, target, t.demand));
}

/**
 * This seat's own threats falling due this round. Each is sealed as planned: if the target
 * complied the rules avert it (a threat is conditional), and an agreement in force wins over it.
 */
export function threatsToCarryOut(view: GameState, seat: string): Threat[] {
  return threatsDue(view).filter((t) => t.by === seat);
}

/** Threats against this seat falling due this round, with how hard each presses. */
export function threatsFaced(scenario: Scenario, view: GameState, seat: string): { threat: Threat; pressure: number }[] {
  return threatsDue(view)
    .filter((t) => t.target === seat)
    .map((threat) => ({ threat, pressure: threatPressure(scenario, view, threat) }));
}

/**
 * A destination's pressure in force: a tariff or visa sanction it last decided above the level in
 * force when the game began. A visa regime that predates the game is the status quo, not a grievance.
 */
export function pressureInForce(scenario: Scenario, view: GameState, destination: string): boolean {
  return pressures(scenario, destination).some((inst) => (view.seats[destination]?.policy[inst.id] ?? inst.param.min) > (inst.start ?? inst.param.min));
}

/** Has `destination` agreed with `seat` to hold every pressure instrument at its minimum this round? */
export function pressureLifted(scenario: Scenario, view: GameState, seat: string, destination: string): boolean {
  const sticks = pressures(scenario, destination);
  return sticks.length > 0 && sticks.every((inst) => covered(scenario, view, seat, destination, { instrument: inst.id, amount: inst.param.min }));
}

/** Did `by` fall short, by its own choice, of an agreement with `against` in the last round resolved? */
export function breachedLastRound(view: GameState, by: string, against: string): boolean {
  const last = view.history.at(-1);
  if (!last) return false;
  return last.compliance.some((c) => {
    if (c.seat !== by || c.ratio >= 1 || c.limitedBy !== 'choice') return false;
    return view.agreements.some((a) => a.id === c.agreementId && a.parties.includes(against));
  });
}

export function lastArrivals(view: GameState): number | undefined {
  return view.history.at(-1)?.arrivals;
}

export function proposedThisRound(view: GameState, seat: string, to: string): boolean {
  return view.proposals.some((p) => p.from === seat && p.to === to && p.round === view.round);
}

export function threatenedThisRound(view: GameState, seat: string, target: string): boolean {
  return view.threats.some((t) => t.by === seat && t.target === target && t.round === view.round);
}

/** A proposal between the two seats still waiting for an answer. */
export function openBetween(view: GameState, a: string, b: string): boolean {
  return view.proposals.some((p) => p.status === 'open' && ((p.from === a && p.to === b) || (p.from === b && p.to === a)));
}

/** The level of an instrument in force: what its seat last decided, or its start. */
export function inForce(view: GameState, inst: Instrument): number {
  return view.seats[inst.seat]?.policy[inst.id] ?? inst.start ?? inst.param.min;
}
