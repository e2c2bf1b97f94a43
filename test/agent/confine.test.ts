// Container paths and the volume check (src/agent/confine.ts).
import { describe, expect, it } from 'vitest';
import { containerPath, destinationOutsideVolume, isBelow } from '../../src/agent/confine.js';

describe('containerPath', () => {
  const cases: [string, string][] = [
    ['/vault/secrets/x', '/vault/secrets/x'],
    ['vault/secrets', '/vault/secrets'],
    ['../../home/app', '/home/app'],
    ['/a/./b//c/', '/a/b/c'],
    ['/a/../../..', '/'],
    ['', '/'],
  ];
  for (const [p, want] of cases) it(JSON.stringify(p), () => expect(containerPath(p)).toBe(want));
});

describe('destinationOutsideVolume', () => {
  const cases: [mount: string, dest: string, outside: boolean][] = [
    ['/vault/secrets', '/vault/secrets/db', false],
    ['/vault/secrets', '/vault/secrets/a/b/c', false],
    ['/vault/secrets', '/vault/secrets/..db', false],
    ['/vault/secrets', '/vault/secrets/../secrets2/db', true],
    ['/vault/secrets', '/vault/secretsX', true],
    ['/vault/secrets', '/vault/secrets', true],
    ['/vault/secrets/', '/vault/secrets/x', false],
    ['relative/dir', 'relative/dir/x', false],
    ['/', '/x', false],
    ['/', '/', true],
  ];
  for (const [mount, dest, outside] of cases) {
    it(`${mount} + ${dest}`, () => expect(destinationOutsideVolume(mount, dest) !== undefined).toBe(outside));
  }
  it('isBelow is strict', () => {
    expect(isBelow('/a', '/a')).toBe(false);
    expect(isBelow('/a', '/ab')).toBe(false);
    expect(isBelow('/a', '/a/b')).toBe(true);
  });
});
