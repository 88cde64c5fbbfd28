import type { TimelineEntry, TimelineMark } from '../../shared/review/schemas.ts';
import type { GameState, Phase } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { local, t } from '../i18n/index.ts';
import { describeMove } from '../panels/card-words.ts';
import { seatName } from '../ui/names.ts';

/** One entry of the record told as a sentence: who did what, or what the table did. */

const PHASE_KEYS: Record<Phase, `phase.${Phase}`> = {
  briefing: 'phase.briefing',
  negotiation: 'phase.negotiation',
  decision: 'phase.decision',
  resolution: 'phase.resolution',
  debrief: 'phase.debrief',
  ended: 'phase.ended',
};

export function phaseName(phase: string): string {
  return Object.hasOwn(PHASE_KEYS, phase) ? t(PHASE_KEYS[phase as Phase]) : phase;
}

const MOVE_KEYS = {
  propose: 'cards.move.propose',
  counter: 'cards.move.counter',
  accept: 'cards.move.accept',
  reject: 'cards.move.reject',
  withdraw: 'cards.move.withdraw',
  threaten: 'cards.move.threaten',
  promise: 'cards.move.promise',
  chat: 'cards.move.chat',
  decide: 'cards.move.decide',
  ready: 'cards.move.ready',
} as const;

export function moveTypeName(type: string): string {
  return Object.hasOwn(MOVE_KEYS, type) ? t(MOVE_KEYS[type as keyof typeof MOVE_KEYS]) : type;
}

/**
 * `before` is the state the entry was made against (an answer quotes the proposal's
 * terms from it); `mark` tells an ordinary advance from the one that resolved a round.
 */
export function describeEntry(scenario: Scenario, entry: TimelineEntry, before: GameState | null, mark: TimelineMark | null): string {
  switch (entry.kind) {
    case 'move': {
      const seat = entry.seat === null ? '' : seatName(scenario, entry.seat);
      if (entry.move !== null) return t('timeline.move', { seat, move: describeMove(scenario, before, entry.move) });
      return t('timeline.hiddenMove', { seat, move: moveTypeName(entry.moveType ?? '') });
    }
    case 'advance':
      return mark?.resolves === true ? t('timeline.resolved', { round: entry.round }) : t('timeline.advance', { phase: phaseName(entry.phase) });
    case 'inject': {
      const event = scenario.events.find((e) => e.id === entry.eventId);
      return t('timeline.inject', { event: event ? local(event.title) : (entry.eventId ?? '') });
    }
    case 'end':
      return t('timeline.end');
  }
}

/** A short name for a mark on the scrubber (its button text is this, its colour the verdict). */
export function markTitle(scenario: Scenario, mark: TimelineMark): string {
  switch (mark.kind) {
    case 'move': {
      const seat = mark.seat === null ? '' : seatName(scenario, mark.seat);
      const label = mark.label === null ? '' : ` — ${t(`label.${mark.label}`)}`;
      const turning = mark.turning ? ` — ${t('timeline.turning')}` : '';
      return `${seat}: ${moveTypeName(mark.moveType ?? '')}${label}${turning}`;
    }
    case 'advance':
      return mark.resolves ? t('timeline.resolved', { round: mark.round }) : t('timeline.advance', { phase: phaseName(mark.phase) });
    case 'inject':
      return t('timeline.injectShort');
    case 'end':
      return t('timeline.end');
  }
}
