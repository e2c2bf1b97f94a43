// strconv's atof.go: ParseFloat(s, 64), with Go's syntax (underscores, hex mantissas,
// inf/nan) and errors.

import { numError, underscoreOK } from './atoi.js';

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
