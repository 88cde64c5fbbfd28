import { describe, expect, test } from 'vitest';
import { formatCountdown } from '../../client/ui/format.ts';
import { formatTimerLength, MAX_TIMER_TEXT, TimerText } from '../../client/ui/timer-length.ts';

describe('a phase length typed as minutes and seconds', () => {
  test.each([
    ['2:30', 150],
    ['0:45', 45],
    ['0:01', 1],
    [' 1:05 ', 65],
    ['5', 300],
    ['90:00', 5400],
    ['600:00', 36000],
    ['600', 36000],
  ])('%j is %i seconds', (text, seconds) => {
    expect(TimerText.parse(text)).toBe(seconds);
  });

  test.each(['', ' ', 'abc', '1:75', '1:60', '1:5', '-3', '-1:30', '1.5', '1,5', '0', '0:00', '600:01', '601', '1:30:00', '2 min', '1e3'])('%j is refused', (text) => {
    expect(TimerText.safeParse(text).success).toBe(false);
  });

  test.each([
    [0, '0:00'],
    [5, '0:05'],
    [59, '0:59'],
    [60, '1:00'],
    [150, '2:30'],
    [5400, '90:00'],
    [-4, '0:00'],
  ])('%i seconds read %s', (seconds, text) => {
    expect(formatTimerLength(seconds)).toBe(text);
  });

  test('what is shown reads back as the same length, up to the longest allowed', () => {
    for (const seconds of [1, 59, 60, 61, 599, 3600, 36000]) expect(TimerText.parse(formatTimerLength(seconds))).toBe(seconds);
    expect(MAX_TIMER_TEXT).toBe('600:00');
  });

  test('a countdown reads m:ss from the same helper, rounding up', () => {
    expect(formatCountdown(999)).toBe('0:01');
    expect(formatCountdown(3_725_000)).toBe('62:05');
  });
});
