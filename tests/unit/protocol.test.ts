import { describe, expect, it } from 'vitest';
import { JoinOptions } from '../../shared/protocol.ts';
import { DisplayName, JoinCode } from '../../shared/session.ts';

describe('names and codes at the edge', () => {
  it.each([
    ['a plain name', 'Ana', true],
    ['markup, kept as text', '<img src=x onerror=alert(1)>', true],
    ['accents and emoji', 'Ñandú 👋', true],
    ['a blank name', '   ', false],
    ['a name over 40 characters', 'x'.repeat(41), false],
    ['a NUL byte', 'Ana\u0000', false],
    ['a line break', 'Ana\nBob', false],
  ])('%s', (_what, name, valid) => {
    expect(DisplayName.safeParse(name).success).toBe(valid);
    expect(JoinOptions.safeParse({ name }).success).toBe(valid);
  });

  it('reads a join code case-insensitively and refuses look-alike letters', () => {
    expect(JoinCode.parse(' ac3d4e ')).toBe('AC3D4E');
    expect(JoinCode.safeParse('AC0D4E').success).toBe(false);
    expect(JoinCode.safeParse('ACD4E').success).toBe(false);
  });
});
