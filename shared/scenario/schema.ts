import { z } from 'zod';
import { Aim, Bargaining, BotPolicyId, InstrumentClass, Leverage } from '../framework.ts';
import { Phase } from '../rules/phase.ts';
import { EPSILON } from '../rules/numbers.ts';

/** Every player-facing text exists in English and Spanish. */
export const Localized = z.object({
  en: z.string().min(1),
  es: z.string().min(1),
});
export type Localized = z.infer<typeof Localized>;

export const Locale = z.enum(['en', 'es']);
export type Locale = z.infer<typeof Locale>;

const Id = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lowercase id: letters, digits, - or _');
const Fraction = z.number().min(0).max(1);
const NonNegative = z.number().min(0);

export const Role = z.enum(['destination', 'transit']);
export type Role = z.infer<typeof Role>;

export const IndicatorName = z.enum(['approval', 'economy', 'reputation', 'credibility', 'control']);
export type IndicatorName = z.infer<typeof IndicatorName>;
export const INDICATORS = IndicatorName.options;

/** Indicators run 0..100; 50 is an ordinary standing. */
export const Indicators = z.object({
  approval: z.number().min(0).max(100),
  economy: z.number().min(0).max(100),
  reputation: z.number().min(0).max(100),
  credibility: z.number().min(0).max(100),
  control: z.number().min(0).max(100),
});
export type Indicators = z.infer<typeof Indicators>;

export const CostKind = z.enum(['political', 'reputational', 'implementation']);
export type CostKind = z.infer<typeof CostKind>;
export const COST_KINDS = CostKind.options;

export const Costs = z.object({
  political: NonNegative,
  reputational: NonNegative,
  implementation: NonNegative,
});
export type Costs = z.infer<typeof Costs>;

/**
 * What an instrument does in the rules. The resolution code knows these effects;
 * the scenario says who holds which instrument and how strong it is.
 */
export const Effect = z.enum([
  'enforcement', // transit: personnel deployed against onward movement (interdiction)
  'loosen', // transit: waving people through, the punitive lever
  'accept_returns', // transit: returns of third-country nationals it agrees to receive
  'request_returns', // destination: people it sends back to the transit state to wait (MPP-style)
  'tariff', // destination: tariff rate on the transit state's exports
  'aid', // destination: money that raises the transit state's capacity
  'pathway', // destination: legal pathway places that divert irregular flows
  'asylum', // either: asylum processing capacity of its own
  'visa_sanctions', // destination: visas withheld from the transit state's nationals, above the level in force at the start
]);
export type Effect = z.infer<typeof Effect>;

export const Parameter = z
  .object({
    min: z.number(),
    max: z.number(),
    step: z.number().positive(),
    unit: Localized,
  })
  .refine((p) => p.max > p.min, { message: 'max must exceed min' });
export type Parameter = z.infer<typeof Parameter>;

export const Instrument = z.object({
  id: Id,
  seat: Id,
  effect: Effect,
  label: Localized,
  help: Localized,
  param: Parameter,
  /** In a proposal, a commitment on this instrument is a floor ("at least") or a ceiling ("at most"). */
  commit: z.enum(['atLeast', 'atMost']),
  /** Costs per unit of the parameter, per round, for the seat that uses it. */
  cost: Costs,
  /** Strength of the effect per unit of the parameter (meaning depends on the effect). */
  strength: NonNegative,
  /** The level in force when the game starts (the status quo); the parameter's minimum if absent. */
  start: z.number().optional(),
  /**
   * What the instrument puts to use in the framework's reading, where its effect in the rules
   * would mislead: work permits that keep refugees in place act on flows as enforcement does,
   * yet they are a pathway offered, not control sold. Absent, the effect decides.
   */
  lever: Leverage.optional(),
});
export type Instrument = z.infer<typeof Instrument>;

export const Objectives = z.object({
  approval: NonNegative,
  economy: NonNegative,
  reputation: NonNegative,
  credibility: NonNegative,
  control: NonNegative,
});
export type Objectives = z.infer<typeof Objectives>;

/** A parameter the seat's owner knows and the other side does not; drawn from the seed within [min, max]. */
export const HiddenParameter = z.object({
  key: z.enum(['resolve']),
  min: Fraction,
  max: Fraction,
  label: Localized,
});
export type HiddenParameter = z.infer<typeof HiddenParameter>;

export const Seat = z.object({
  id: Id,
  role: Role,
  name: Localized,
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  briefing: Localized,
  /** Implementation capacity per round: the budget every decision is checked against. */
  capacity: z.number().positive(),
  indicators: Indicators,
  objectives: Objectives,
  /** Share of this seat's economy exposed to the other side's tariffs (asymmetric interdependence). */
  tradeExposure: Fraction,
  hidden: z.array(HiddenParameter).default([]),
});
export type Seat = z.infer<typeof Seat>;

export const Flow = z.object({
  id: Id,
  name: Localized,
  /** People setting out per round before events and noise. */
  base: NonNegative,
  /** Growth per round as a fraction (0.1 = +10% a round). */
  growth: z.number().min(-1).max(5),
  /** Share of this flow that a legal pathway place can divert. */
  pathwayEligible: Fraction,
  /** Share of arrivals from this flow the destination may send to the transit state. */
  returnable: Fraction,
  /** Where the map draws it from. */
  origin: Localized,
});
export type Flow = z.infer<typeof Flow>;

export const EventEffects = z.object({
  flowMultiplier: z.number().min(0).max(10).default(1),
  salience: z.number().min(-100).max(100).default(0),
  approval: z.record(Id, z.number().min(-50).max(50)).default({}),
});
export type EventEffects = z.infer<typeof EventEffects>;

export const ScenarioEvent = z.object({
  id: Id,
  /** Scripted events name their round; random ones give a chance per round instead. */
  round: z.number().int().positive().optional(),
  chance: Fraction.optional(),
  title: Localized,
  text: Localized,
  effects: EventEffects,
}).refine((e) => (e.round === undefined) !== (e.chance === undefined), {
  message: 'an event has either a round or a chance, not both',
});
export type ScenarioEvent = z.infer<typeof ScenarioEvent>;

/** Every coefficient of the resolution model; nothing tunable is written in the rules. */
export const Coefficients = z.object({
  /** Share of the irregular flow the transit state stops with no deployment at all. */
  baseInterdiction: Fraction,
  /** Interdiction can never exceed this share, however many are deployed. */
  maxInterdiction: Fraction,
  /** Random spread of flows, ± this fraction, drawn from the seed. */
  flowNoise: Fraction,
  /** Arrivals per round that the destination's public treats as normal. */
  arrivalsThreshold: z.number().positive(),
  /** Salience points per arrival above (or below) the threshold, per 1,000 people. */
  saliencePerThousand: NonNegative,
  /** How fast salience and indicators drift back towards their start, per round. */
  recovery: Fraction,
  /** Political cost to the destination per 1,000 arrivals above threshold at full salience. */
  arrivalsPoliticalCost: NonNegative,
  /** Share of the people a transit state stops who stay on its soil; the rest are sent home or move on. */
  strandedShare: Fraction.default(1),
  /** Reputational and political cost to the transit state per 1,000 people stranded on its soil. */
  strandedReputationalCost: NonNegative,
  strandedPoliticalCost: NonNegative,
  /** Transit capacity added per 1 unit of aid (in the aid instrument's unit). */
  aidToCapacity: NonNegative,
  /** Economy points the aid's recipient gains per unit of aid, that round: money is what an extractive bargain seeks. */
  aidToEconomy: NonNegative.default(0),
  /** Economy points lost per tariff point, scaled by trade exposure. */
  tariffEconomyDamage: NonNegative,
  /** Political cost per economy point lost. */
  economyPoliticalCost: NonNegative,
  /** Indicator points lost per cost point of each kind. */
  costToIndicator: z.object({ political: NonNegative, reputational: NonNegative, implementation: NonNegative }),
  /** Credibility change when a threat or promise falls due. */
  credibilityKept: NonNegative,
  credibilityBroken: NonNegative,
  /** Reputational cost per unit of an agreement obligation not carried out (as a share of it). */
  breachReputationalCost: NonNegative,
  /** Transit reception capacity for returns, people per capacity point. */
  returnsPerCapacity: NonNegative,
  /** Political cost to a seat that gives in to a threat: visibly caving is costly at home. */
  cavingPoliticalCost: NonNegative.default(0),
  /** Political cost to a seat whose threat falls due and is neither complied with nor carried out: the audience cost of a public threat left empty. */
  audienceCost: NonNegative.default(0),
  /** Reputational cost per unit of enforcement cut below the level in force: a partner that stands down its controls is a less reliable one. */
  enforcementCutCost: NonNegative.default(0),
  /** Stranded people at which a transit state's control indicator reaches 0; twice the arrivals threshold if absent. */
  strandedTolerance: z.number().positive().optional(),
  /** How far the control indicator moves towards its new level in one round. */
  controlSmoothing: Fraction.default(0.5),
});
export type Coefficients = z.infer<typeof Coefficients>;

export const HistoryStep = z.object({
  round: z.number().int().positive(),
  text: Localized,
  /** What actually happened, where the sources give it (people per round). */
  arrivals: NonNegative.optional(),
});
export type HistoryStep = z.infer<typeof HistoryStep>;

/** A historical case the debrief compares decisions with; matched on the framework's vocabulary. */
export const HistoricalCase = z.object({
  id: Id,
  instrument: InstrumentClass.optional(),
  aim: Aim.optional(),
  role: Role.optional(),
  bargaining: Bargaining.optional(),
  title: Localized,
  text: Localized,
});
export type HistoricalCase = z.infer<typeof HistoricalCase>;

export const Source = z.object({
  id: Id,
  citation: z.string().min(1),
  seed: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

/** A tip shown on the table in one phase (of one round, or of every round): first-game guidance. */
export const Hint = z.object({
  round: z.number().int().positive().optional(),
  phase: Phase,
  text: Localized,
});
export type Hint = z.infer<typeof Hint>;

export const Timers = z.object({
  briefing: z.number().int().positive(),
  negotiation: z.number().int().positive(),
  decision: z.number().int().positive(),
  resolution: z.number().int().positive(),
  debrief: z.number().int().positive(),
});
export type Timers = z.infer<typeof Timers>;

export const ScenarioShape = z.object({
  $schema: z.string().optional(),
  id: Id,
  version: z.number().int().positive(),
  title: Localized,
  summary: Localized,
  rounds: z.array(z.object({ label: Localized })).min(1).max(40),
  /** Seconds per phase, the default an instructor can change. */
  timers: Timers,
  seats: z.array(Seat).min(2).max(6),
  instruments: z.array(Instrument).min(1),
  flows: z.array(Flow).min(1),
  /** The destination's starting salience of migration, 0..100. */
  salience: z.number().min(0).max(100),
  events: z.array(ScenarioEvent).default([]),
  coefficients: Coefficients,
  history: z.array(HistoryStep).default([]),
  /**
   * The bot policy closest to what each seat historically did: the comparison plots the
   * outcome these policies reach as "the historical outcome".
   */
  historicalPolicies: z.record(z.string(), BotPolicyId).optional(),
  cases: z.array(HistoricalCase).default([]),
  sources: z.array(Source).min(1),
  /** On-screen tips for a first game (the tutorial); most scenarios have none. */
  hints: z.array(Hint).default([]),
});

/** Cross-field checks: references resolve, roles are present, parameters are reachable. */
export const Scenario = ScenarioShape.superRefine((s, ctx) => {
  const seatIds = new Set(s.seats.map((seat) => seat.id));
  if (seatIds.size !== s.seats.length) ctx.addIssue({ code: 'custom', path: ['seats'], message: 'seat ids must be unique' });
  if (!s.seats.some((seat) => seat.role === 'destination')) ctx.addIssue({ code: 'custom', path: ['seats'], message: 'a scenario needs a destination seat' });
  if (!s.seats.some((seat) => seat.role === 'transit')) ctx.addIssue({ code: 'custom', path: ['seats'], message: 'a scenario needs a transit seat' });
  const instrumentIds = new Set<string>();
  s.instruments.forEach((inst, i) => {
    if (instrumentIds.has(inst.id)) ctx.addIssue({ code: 'custom', path: ['instruments', i, 'id'], message: `duplicate instrument id "${inst.id}"` });
    instrumentIds.add(inst.id);
    if (!seatIds.has(inst.seat)) ctx.addIssue({ code: 'custom', path: ['instruments', i, 'seat'], message: `unknown seat "${inst.seat}"` });
    const steps = (inst.param.max - inst.param.min) / inst.param.step;
    if (Math.abs(steps - Math.round(steps)) > EPSILON) ctx.addIssue({ code: 'custom', path: ['instruments', i, 'param', 'step'], message: 'step must divide max - min' });
    if (inst.start !== undefined && (inst.start < inst.param.min || inst.start > inst.param.max)) {
      ctx.addIssue({ code: 'custom', path: ['instruments', i, 'start'], message: 'start must lie within the parameter range' });
    }
  });
  s.events.forEach((e, i) => {
    if (e.round !== undefined && e.round > s.rounds.length) ctx.addIssue({ code: 'custom', path: ['events', i, 'round'], message: `round ${e.round} is past the last round (${s.rounds.length})` });
    for (const seatId of Object.keys(e.effects.approval)) {
      if (!seatIds.has(seatId)) ctx.addIssue({ code: 'custom', path: ['events', i, 'effects', 'approval', seatId], message: `unknown seat "${seatId}"` });
    }
  });
  s.hints.forEach((h, i) => {
    if (h.round !== undefined && h.round > s.rounds.length) ctx.addIssue({ code: 'custom', path: ['hints', i, 'round'], message: `round ${h.round} is past the last round` });
  });
  for (const seatId of Object.keys(s.historicalPolicies ?? {})) {
    if (!seatIds.has(seatId)) ctx.addIssue({ code: 'custom', path: ['historicalPolicies', seatId], message: `unknown seat "${seatId}"` });
  }
  if (s.historicalPolicies !== undefined && s.seats.some((seat) => s.historicalPolicies?.[seat.id] === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['historicalPolicies'], message: 'name a policy for every seat' });
  }
  s.history.forEach((h, i) => {
    if (h.round > s.rounds.length) ctx.addIssue({ code: 'custom', path: ['history', i, 'round'], message: `round ${h.round} is past the last round` });
  });
});
export type Scenario = z.infer<typeof Scenario>;
