/**
 * How far along an instrument's range each temperament goes, as a share of the range
 * (0 = its minimum, 1 = its maximum), and the thresholds its judgements turn on. One
 * place to tune the bots; nothing else in shared/bots/ writes a number like these.
 */

/** Enforcement a restraint state will still sign up to: it keeps to the status quo otherwise. */
export const MODEST_ENFORCEMENT = 0.4;
/** Enforcement a defensive transit state keeps up when no one is pressing it. */
export const CALM_ENFORCEMENT = 0.5;
/** Enforcement a defensive transit state offers under pressure, drawn between these shares. */
export const DEFENSIVE_OFFER = { from: 0.6, to: 0.8 } as const;
/** The most returns a defensive transit state accepts: beyond this it costs sovereignty (Mexico 2024 on SB4). */
export const RETURNS_BOUND = 1 / 3;

/** The coercive hegemon's demand (June 2019: National Guard deployment and Remain in Mexico). */
export const COERCIVE_ENFORCEMENT = 0.8;
export const COERCIVE_RETURNS = 1 / 3;

/** A dealmaker's bundle: moderate enforcement, modest returns, paid for in pathways and aid. */
export const DEAL_ENFORCEMENT = 0.5;
export const DEAL_RETURNS = 1 / 6;
export const DEAL_ROUNDS = 2;
/** A deal is roughly balanced when what a seat gets is at least this share of what it gives. */
export const BALANCE_TOLERANCE = 2 / 3;

/** An extractive transit state sells enforcement dear (EU–Turkey 2016) ... */
export const EXTRACTIVE_ENFORCEMENT = { from: 0.6, to: 0.8 } as const;
export const EXTRACTIVE_AID = 0.8;
export const EXTRACTIVE_PATHWAY = 0.5;
/** ... and takes a deal only when it gets this many times what it gives. */
export const EXTRACTIVE_MARGIN = 1.5;
/** An extractive destination buys control: enforcement and returns for aid. */
export const PURCHASE_ENFORCEMENT = 0.7;
export const PURCHASE_RETURNS = 0.5;

/** How far a punitive transit state loosens its controls. */
export const PUNITIVE_LOOSEN = 0.5;
/** Tariff steps a punitive destination adds after each round of high arrivals. */
export const PUNITIVE_TARIFF_STEPS = 1;

/** Credibility (0..100) below which a threatener's threats are not believed. */
export const CREDIBLE_THREAT = 45;

/** Arrivals, as multiples of the scenario's `arrivalsThreshold`, that count as high and very high. */
export const HIGH_ARRIVALS = 1;
export const VERY_HIGH_ARRIVALS = 2.5;
