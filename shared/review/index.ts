export * from './schemas.ts';
export { createScrubber, SNAPSHOT_EVERY, type Scrubber } from './scrubber.ts';
export { timelineOf, seatTimeline, marksOf } from './timeline.ts';
export { commitmentLedger } from './commitment-ledger.ts';
export { seriesOf } from './series.ts';
export { outcomeOf, paretoFrontier, referenceOutcomes, REFERENCE_SEED } from './outcomes.ts';
export { forkRecord } from './fork.ts';
export { decisionRows, studentRows, studentResults, gradebook, describeMove, type ExportTable, type ExportStudent, type DecisionRow, type StudentRow } from './exports.ts';
