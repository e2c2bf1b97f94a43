// strconv.Parse* with Go's results and error texts (*strconv.NumError.Error()).

import { quote } from './quote.js';
import { underscoreOK } from './underscore.js';
import { GoError } from '../errors/index.js';

function numError(fn: string, s: string, reason: string): GoError {
  return new GoError(`strconv.${fn}: parsing ${quote(s)}: ${reason}`);
}

/** strconv.ParseBool. */
export function parseBool(s: string): boolean {
  switch (s) {
    case '1': case 't': case 'T': case 'true': case 'TRUE': case 'True':
      return true;
    case '0': case 'f': case 'F': case 'false': case 'FALSE': case 'False':
      return false;
    default:
      throw numError('ParseBool', s, 'invalid syntax');
  }
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

const decimalFloat = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const hexFloat = /^([+-]?)0[xX]((?:[0-9a-fA-F_]+\.?[0-9a-fA-F_]*|\.[0-9a-fA-F_]+))[pP]([+-]?[0-9]+)$/;

/** strconv.ParseFloat(s, 64). */
export function parseFloat64(s: string): number {
  if (s.includes('_') && underscoreOK(s) && decimalFloat.test(s.replace(/_/g, ''))) return parseFloat64(s.replace(/_/g, ''));
  if (decimalFloat.test(s)) {
    const f = Number(s);
    if (!Number.isFinite(f)) throw numError('ParseFloat', s, 'value out of range');
    return f;
  }
  if (/^[+-]?(?:inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  const m = hexFloat.exec(s);
  if (m && !m[2].startsWith('_') && !m[2].endsWith('_') && !m[2].includes('__')) {
    const digits = m[2].replace(/_/g, '');
    const dot = digits.indexOf('.');
    const mant = BigInt('0x' + (digits.replace('.', '') || '0'));
    const exp = Number(m[3]) - (dot < 0 ? 0 : (digits.length - dot - 1) * 4);
    const f = Number(mant) * 2 ** exp;
    if (!Number.isFinite(f)) throw numError('ParseFloat', s, 'value out of range');
    return m[1] === '-' ? -f : f;
  }
  throw numError('ParseFloat', s, 'invalid syntax');
}

export { maxInt64, minInt64, maxUint64 };
