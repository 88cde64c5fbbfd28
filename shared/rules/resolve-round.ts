import { INDICATORS, type Scenario, type Seat } from '../scenario/schema.ts';
import { clonePlain } from './clone-plain.ts';
import { checkCompliance, settlePromises, settleThreats, type Ledger } from './due.ts';
import { moveFlows } from './flows.ts';
import { decisionCost, effectStrength, instrumentsOf, startLevel } from './instruments.ts';
import { addTo, entry, seatOf } from './lookup.ts';
import { clamp, clampIndicator, round2 } from './numbers.ts';
import { scoreOf } from './score.ts';
import { avertMetThreats } from './threats.ts';
import type { GameState, RoundResult, SeatRoundOutcome } from './state.ts';

/** Resolve the round from the sealed decisions: a pure function of the state. */
export function resolveRound(scenario: Scenario, previous: GameState): GameState {
  const state = clonePlain(previous);
  settleRound(scenario, state);
  return state;
}

/** Political cost visa sanctions put on each transit state this round: negative when visas are eased below the start. */
export function visaSanctionPressure(scenario: Scenario, destination: Seat, levels: Record<string, number>): number {
  let pressure = 0;
  for (const inst of instrumentsOf(scenario, destination.id)) {
    if (inst.effect === 'visa_sanctions') pressure += ((levels[inst.id] ?? inst.param.min) - startLevel(inst)) * inst.strength;
  }
  return pressure;
}

/** Units of enforcement the seat's sealed levels stand down below the levels in force. */
export function enforcementCut(scenario: Scenario, state: GameState, seat: string): number {
  const seatState = seatOf(state, seat);
  const levels = seatState.decision ?? {};
  let cut = 0;
  for (const inst of instrumentsOf(scenario, seat)) {
    if (inst.effect !== 'enforcement') continue;
    const inForce = seatState.policy[inst.id] ?? startLevel(inst);
    cut += Math.max(0, inForce - (levels[inst.id] ?? inForce));
  }
  return cut;
}

function perSeat(scenario: Scenario, value: number): Record<string, number> {
  return Object.fromEntries(scenario.seats.map((s) => [s.id, value]));
}

/**
 * The round's consequences, in order: flows and returns, then costs of the chosen
 * instruments and of their outcomes, then obligations, threats and promises falling
 * due, then indicators and scores. Mutates `state`, which the caller has cloned.
 */
export function settleRound(scenario: Scenario, state: GameState): void {
  const c = scenario.coefficients;
  const destination = scenario.seats.find((s) => s.role === 'destination') as Seat;
  const transits = scenario.seats.filter((s) => s.role === 'transit');
  const levelsOf = (seat: string) => seatOf(state, seat).decision ?? {};

  // A threat whose demand was met is not carried out: the harm it held over the target does not happen.
  avertMetThreats(scenario, state);
  const movement = moveFlows(scenario, state, destination, transits);

  // What the destination's asylum system cannot absorb is what its public sees as disorder.
  const processed = effectStrength(scenario, destination.id, 'asylum', levelsOf(destination.id));
  const unprocessed = Math.max(0, movement.arrivals - movement.returned - processed);
  const stranded: Record<string, number> = {};
  for (const t of transits) {
    const absorbed = effectStrength(scenario, t.id, 'asylum', levelsOf(t.id));
    stranded[t.id] = Math.max(0, entry(movement.interdictedBy, t.id) * c.strandedShare + entry(movement.returnedTo, t.id) - absorbed);
  }
  const strandedTotal = Object.values(stranded).reduce((a, b) => a + b, 0);

  const salienceShift = ((unprocessed - c.arrivalsThreshold) / 1000) * c.saliencePerThousand;
  state.salience = clampIndicator(state.salience + salienceShift + c.recovery * (scenario.salience - state.salience));

  const ledger: Ledger = { political: perSeat(scenario, 0), reputational: perSeat(scenario, 0), credibility: perSeat(scenario, 0) };
  const implementation = perSeat(scenario, 0);
  const economyLoss = perSeat(scenario, 0);

  for (const seat of scenario.seats) {
    const base = decisionCost(scenario, seat.id, levelsOf(seat.id));
    addTo(ledger.reputational, seat.id, enforcementCut(scenario, state, seat.id) * c.enforcementCutCost);
    addTo(ledger.political, seat.id, base.political);
    addTo(ledger.reputational, seat.id, base.reputational);
    addTo(implementation, seat.id, base.implementation);
  }

  // Hidden resolve: how much the destination's government minds the domestic price of its tariffs and sanctions.
  const resolve = seatOf(state, destination.id).hidden.resolve;
  const tariff = effectStrength(scenario, destination.id, 'tariff', levelsOf(destination.id));
  if (resolve !== undefined) {
    for (const inst of instrumentsOf(scenario, destination.id)) {
      if (inst.effect === 'tariff' || inst.effect === 'visa_sanctions') addTo(ledger.political, destination.id, -((levelsOf(destination.id)[inst.id] ?? 0) * inst.cost.political * (2 * resolve - 1)));
    }
  }
  // Asymmetric interdependence: the same tariff costs each side by its own trade exposure.
  const tariffTargets = [destination, ...transits];
  for (const seat of tariffTargets) {
    const damage = tariff * c.tariffEconomyDamage * seat.tradeExposure;
    addTo(economyLoss, seat.id, damage);
    addTo(ledger.political, seat.id, damage * c.economyPoliticalCost);
  }

  // MPI 2024 (INA 243(d)): visas withheld until a state takes back its nationals. Each unit above the
  // level in force at the start costs every transit state `strength` political points; easing below it relieves as much.
  const visaPressure = visaSanctionPressure(scenario, destination, levelsOf(destination.id));
  for (const t of transits) addTo(ledger.political, t.id, visaPressure);

  const excess = Math.max(0, unprocessed - c.arrivalsThreshold) / 1000;
  addTo(ledger.political, destination.id, excess * c.arrivalsPoliticalCost * (state.salience / 100));
  for (const t of transits) {
    addTo(ledger.reputational, t.id, (entry(stranded, t.id) / 1000) * c.strandedReputationalCost);
    addTo(ledger.political, t.id, (entry(stranded, t.id) / 1000) * c.strandedPoliticalCost);
  }

  const compliance = checkCompliance(scenario, state, movement.receptionOf, ledger);
  const threats = settleThreats(scenario, state, ledger);
  const promises = settlePromises(scenario, state, ledger);

  // Aid builds capacity that fades unless renewed.
  const aid = effectStrength(scenario, destination.id, 'aid', levelsOf(destination.id));
  for (const t of transits) {
    addTo(economyLoss, t.id, -((aid / transits.length) * c.aidToEconomy));
    const transit = seatOf(state, t.id);
    const bonus = (transit.capacity - t.capacity) * (1 - c.recovery);
    transit.capacity = round2(t.capacity + bonus + (aid / transits.length) * c.aidToCapacity);
  }

  const seatsOutcome: Record<string, SeatRoundOutcome> = {};
  for (const seat of scenario.seats) {
    const s = seatOf(state, seat.id);
    const ind = s.indicators;
    for (const name of INDICATORS) {
      if (name !== 'control') ind[name] += c.recovery * (seat.indicators[name] - ind[name]);
    }
    const political = Math.max(0, entry(ledger.political, seat.id));
    const reputational = Math.max(0, entry(ledger.reputational, seat.id));
    ind.approval = clampIndicator(ind.approval - political * c.costToIndicator.political);
    ind.reputation = clampIndicator(ind.reputation - reputational * c.costToIndicator.reputational);
    ind.economy = clampIndicator(ind.economy - entry(economyLoss, seat.id) - entry(implementation, seat.id) * c.costToIndicator.implementation);
    ind.credibility = clampIndicator(ind.credibility + entry(ledger.credibility, seat.id));
    const load = seat.role === 'destination' ? unprocessed : entry(stranded, seat.id);
    const tolerance = seat.role === 'destination' ? 2 * c.arrivalsThreshold : (c.strandedTolerance ?? 2 * c.arrivalsThreshold);
    const target = 100 * clamp(1 - load / tolerance, 0, 1);
    ind.control = clampIndicator(ind.control + c.controlSmoothing * (target - ind.control));
    const costs = { political: round2(political), reputational: round2(reputational), implementation: round2(entry(implementation, seat.id)) };
    s.costs = {
      political: round2(s.costs.political + costs.political),
      reputational: round2(s.costs.reputational + costs.reputational),
      implementation: round2(s.costs.implementation + costs.implementation),
    };
    s.score = scoreOf(seat.objectives, ind);
    s.policy = { ...levelsOf(seat.id) };
    seatsOutcome[seat.id] = { levels: { ...levelsOf(seat.id) }, costs, indicators: { ...ind }, score: s.score };
  }

  const result: RoundResult = {
    round: state.round,
    events: [...state.events],
    flows: movement.flows,
    setOut: movement.flows.reduce((a, f) => a + f.setOut, 0),
    diverted: movement.flows.reduce((a, f) => a + f.diverted, 0),
    interdicted: movement.flows.reduce((a, f) => a + f.interdicted, 0),
    arrivals: movement.arrivals,
    returned: movement.returned,
    stranded: Math.round(strandedTotal),
    interdictedBy: { ...movement.interdictedBy },
    returnedTo: { ...movement.returnedTo },
    salience: state.salience,
    seats: seatsOutcome,
    compliance,
    threats,
    promises,
  };
  state.history.push(result);
}
