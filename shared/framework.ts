import { z } from 'zod';

/** The framework's vocabulary (FRAMEWORK.md §1): the words every card, case and profile uses. */
export const InstrumentClass = z.enum(['coercive', 'cooperative', 'unilateral', 'restraint']);
export type InstrumentClass = z.infer<typeof InstrumentClass>;

export const Aim = z.enum(['punitive', 'extractive', 'defensive', 'deterrent']);
export type Aim = z.infer<typeof Aim>;

export const Leverage = z.enum(['flows', 'trade', 'money', 'pathways', 'security', 'returns']);
export type Leverage = z.infer<typeof Leverage>;

export const Bargaining = z.enum(['zero-sum', 'positive-sum']);
export type Bargaining = z.infer<typeof Bargaining>;

/** The temperaments a computer seat can play, named after the framework's aims (FRAMEWORK §1). */
export const BotPolicyId = z.enum(['restraint', 'defensive', 'extractive', 'punitive', 'coercive', 'dealmaker']);
export type BotPolicyId = z.infer<typeof BotPolicyId>;
