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

/**
 * Pressure (0..1, `threatPressure`: likelihood times harm) from which a threat weighs on a
 * target's choices at all. A 5% tariff threat on Mexico from a United States at credibility
 * 55 and salience 75 presses about 0.49, a 10% one 0.69; the 5% threat at credibility 30
 * about 0.27, and from a United States at credibility 55 whose salience has fallen to 20, 0.28.
 */
export const MOVING_THREAT = 0.3;
/**
 * Pressure at which a temperament meets a threat's demand when it falls due, if it fits its
 * capacity. A dealmaker gives way to a threat that presses hard; an extractive or coercive
 * state only to a heavier one. A defensive state has its own, bounded answer to pressure
 * (it meets demands up to its sovereignty bound); restraint holds the status quo whatever is
 * said; a punitive state never gives way.
 */
export const YIELD_TO_THREAT = { dealmaker: 0.4, extractive: 0.55, coercive: 0.55 } as const;

/** Arrivals, as multiples of the scenario's `arrivalsThreshold`, that count as high and very high. */
export const HIGH_ARRIVALS = 1;
export const VERY_HIGH_ARRIVALS = 2.5;
