// strconv's atoi.go: ParseInt, ParseUint and underscoreOK, with Go's results and error
// texts (*strconv.NumError.Error()).

import { quote } from './quote.js';
import { GoError } from '../errors/index.js';

export function numError(fn: string, s: string, reason: string): GoError {
  return new GoError(`strconv.${fn}: parsing ${quote(s)}: ${reason}`);
}

const maxInt64 = (1n << 63n) - 1n;
const minInt64 = -(1n << 63n);
const maxUint64 = (1n << 64n) - 1n;

/** strconv.ParseInt(s, 10, bits). */
export function parseInt10(s: string, bits = 64, fn = 'ParseInt'): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) throw numError(fn, s, 'invalid syntax');
  const n = BigInt(s);
  const max = (1n << BigInt(bits - 1)) - 1n;
  const min = -(1n << BigInt(bits - 1));
  if (n > max || n < min) throw numError(fn, s, 'value out of range');
  return n;
}

/** strconv.ParseUint(s, 10, 64). */
export function parseUint10(s: string): bigint {
  if (!/^[0-9]+$/.test(s)) throw numError('ParseUint', s, 'invalid syntax');
  const n = BigInt(s);
  if (n > maxUint64) throw numError('ParseUint', s, 'value out of range');
  return n;
}

/** strconv.ParseUint(s, 8, 32) for writeToFile's permissions. */
export function parseUint8(s: string, bits: number): bigint {
  if (!/^[0-7]+$/.test(s.replace(/^0[oO]/, ''))) throw numError('ParseUint', s, 'invalid syntax');
  const n = BigInt('0o' + s.replace(/^0[oO]/, ''));
  if (n >= 1n << BigInt(bits)) throw numError('ParseUint', s, 'value out of range');
  return n;
}

/**
 * Reports whether the underscores in s are allowed: only between digits, or between a
 * base prefix and a digit (strconv/atoi.go).
 */
export function underscoreOK(s: string): boolean {
  // saw is the class of the last character: ^ start, 0 digit or base prefix, _ underscore, ! other.
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

export { maxInt64, minInt64, maxUint64 };
