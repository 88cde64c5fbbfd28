export * from './card.ts';
export { scoreDecision } from './score-decision.ts';
export { decisionFlags, mostPressing, type DecisionFlags } from './flags.ts';
export { cardsOfRecord, decisionsOfRecord, type Decision } from './cards-of-record.ts';
export { profileOf, Profile } from './profile.ts';
export { renderExplanation, renderSentence, closestCase, findCase } from './explain.ts';
export { classifyMove } from './classify.ts';
export { momentOf } from './moment.ts';
export { evaluateDecision, horizonOf } from './evaluate.ts';
