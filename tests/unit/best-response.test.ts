import { describe, expect, it } from 'vitest';
import { bestResponse } from '../../shared/bots/best-response.ts';
import { playBotGame } from '../../shared/bots/play-bot-game.ts';
import { BotPolicyId } from '../../shared/bots/policy.ts';
import { replay, stateHash } from '../../shared/rules/index.ts';
import { usMexico2019 } from './fixtures/moments.ts';

const scenario = usMexico2019();

describe('the best-response bot', () => {
  it.each(BotPolicyId.options)('plays Mexico legally to the end against a %s United States, and the record replays', (policy) => {
    const game = playBotGame(scenario, 11, { us: policy, mx: bestResponse }, 3);
    expect(game.state.phase).toBe('ended');
    expect(stateHash(replay(scenario, game.record))).toBe(stateHash(game.state));
  });

  it('plays the United States too, and does at least as well against a defensive Mexico as restraint does', () => {
    const best = playBotGame(scenario, 12, { us: bestResponse, mx: 'defensive' }, 4);
    const restraint = playBotGame(scenario, 12, { us: 'restraint', mx: 'defensive' }, 4);
    expect(best.state.phase).toBe('ended');
    expect(best.state.seats.us.score).toBeGreaterThanOrEqual(restraint.state.seats.us.score);
  });
});
