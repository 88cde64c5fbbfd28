import { describe, expect, it } from 'vitest';
import { JobQueue } from '../../server/scoring/job-queue.ts';

describe('the scoring queue', () => {
  it('takes from the tables in turn, each table in its own order', () => {
    const queue = new JobQueue<string>();
    for (const job of ['a1', 'a2', 'a3', 'a4']) queue.push('a', 'live', job);
    queue.push('b', 'live', 'b1');
    queue.push('c', 'live', 'c1');
    queue.push('b', 'live', 'b2');
    expect(queue.length).toBe(7);
    expect(queue.drain()).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
    expect(queue.length).toBe(0);
    expect(queue.shift()).toBeUndefined();
  });

  it('a table reopened with many unscored decisions does not hold a live table\'s card behind them', () => {
    const queue = new JobQueue<string>();
    for (let i = 1; i <= 6; i++) queue.push('reopened', 'catch-up', `old${i}`);
    queue.push('live', 'live', 'new1');
    expect(queue.shift()).toBe('new1');
    expect(queue.drain()).toEqual(['old1', 'old2', 'old3', 'old4', 'old5', 'old6']);
  });

  it('live jobs go first, yet one job in four is a catch-up job while both wait', () => {
    const queue = new JobQueue<string>();
    for (let i = 1; i <= 3; i++) queue.push('old', 'catch-up', `c${i}`);
    for (let i = 1; i <= 7; i++) queue.push('new', 'live', `l${i}`);
    expect(queue.drain()).toEqual(['l1', 'l2', 'l3', 'c1', 'l4', 'l5', 'l6', 'c2', 'l7', 'c3']);
  });
});
