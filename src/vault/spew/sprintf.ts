// spew.Sprintf: fmt.Sprintf with every argument wrapped in spew's formatter. This ports
// fmt's doPrintf as it treats such arguments: all are *spew.formatState values, so %T names
// that type, %p prints its address, a * width or precision is never an int, and the verb
// reaches formatState.Format (spewV for %v; fmt with the reconstructed verb otherwise).

import { sprintf } from '../../fmt/index.js';
import { parseArgNumber, parsenum } from '../../fmt/index.js';
import { runeAt, runeString } from '../../go/unicode/utf8/index.js';
import { GoMap, Value, boolType, box, intType, interfaceType, mapOf, namedType, ptrTo, stringValue, structOf, uintptrType, zeroOf } from '../../value/index.js';
import { spewV } from './format.js';

const formatStateName = '*spew.formatState';

const configStateType = namedType({ str: 'spew.ConfigState', underlying: structOf([]) });
const pointersType = mapOf(uintptrType, intType);

/** The formatState struct, for %w, which fmt rejects and prints field by field. */
const formatStateType = namedType({
  str: 'spew.formatState',
  underlying: structOf([
    { name: 'value', type: interfaceType },
    { name: 'fs', type: namedType({ str: 'fmt.State', underlying: interfaceType }) },
    { name: 'depth', type: intType },
    { name: 'pointers', type: pointersType },
    { name: 'ignoreNextType', type: boolType },
    { name: 'cs', type: ptrTo(configStateType) },
  ]),
});

/** newFormatter(&Config, value): fs is still unset. */
function formatStatePtr(value: Value): Value {
  const [, fs, depth, , ignoreNextType] = zeroOf(formatStateType).items();
  const cs = new Value(ptrTo(configStateType), zeroOf(configStateType));
  const fields = [box(value), fs, depth, new Value(pointersType, new GoMap()), ignoreNextType, cs];
  return new Value(ptrTo(formatStateType), new Value(formatStateType, fields));
}

interface Flags {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  wid?: number;
  prec?: number;
}

/** constructOrigFormat: the verb with the flags, width and precision fmt.State reports. */
function origFormat(f: Flags, verb: string): string {
  const flags = [f.zero ? '0' : '', f.minus ? '-' : '', f.plus ? '+' : '', f.sharp ? '#' : '', f.space ? ' ' : ''].join('');
  return `%${flags}${f.wid ?? ''}${f.prec !== undefined ? `.${f.prec}` : ''}${verb}`;
}

/** pp.printArg(formatter, verb) for one spew-wrapped argument. */
function printArg(value: Value, verb: string, f: Flags): string {
  switch (verb) {
    case 'T':
      return sprintf(origFormat(f, 's'), [stringValue(formatStateName)]);
    case 'p':
      return sprintf(origFormat(f, 'p'), [formatStatePtr(value)]);
    case 'w':
      return `%!w(${formatStateName}=${sprintf('%v', [formatStatePtr(value)])})`;
    case 'v':
      return spewV(value, { sharp: f.sharp, plus: f.plus });
    default:
      return sprintf(origFormat(f, verb), [value]);
  }
}

export function spewSprintf(format: string, args: readonly Value[]): string {
  const a = args.map((v) => (v.kind === 'interface' ? v.elem() : v));
  const end = format.length;
  let out = '';
  let argNum = 0;
  let reordered = false;
  let goodArgNum = true;

  const argNumber = (i: number): { i: number; found: boolean } => {
    if (end <= i || format[i] !== '[') return { i, found: false };
    reordered = true;
    const { index, wid, ok } = parseArgNumber(format.slice(i));
    if (ok && index >= 0 && index < a.length) {
      argNum = index;
      return { i: i + wid, found: true };
    }
    goodArgNum = false;
    return { i: i + wid, found: ok };
  };

  for (let i = 0; i < end; ) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) out += format.slice(lasti, i);
    if (i >= end) break;
    i++;

    const f: Flags = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (; i < end && '#0+- '.includes(format[i]); i++) {
      const c = format[i];
      if (c === '#') f.sharp = true;
      else if (c === '0') f.zero = true;
      else if (c === '+') f.plus = true;
      else if (c === '-') f.minus = true;
      else f.space = true;
    }

    let afterIndex: boolean;
    ({ i, found: afterIndex } = argNumber(i));

    if (i < end && format[i] === '*') {
      // The argument is a *spew.formatState, never an int.
      i++;
      if (argNum < a.length) argNum++;
      out += '%!(BADWIDTH)';
      afterIndex = false;
    } else {
      const n = parsenum(format, i, end);
      i = n.newi;
      if (n.isnum) f.wid = n.num;
      if (afterIndex && n.isnum) goodArgNum = false;
    }

    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      ({ i, found: afterIndex } = argNumber(i));
      if (i < end && format[i] === '*') {
        i++;
        if (argNum < a.length) argNum++;
        out += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const n = parsenum(format, i, end);
        i = n.newi;
        f.prec = n.isnum ? n.num : 0;
      }
    }

    if (!afterIndex) ({ i, found: afterIndex } = argNumber(i));

    if (i >= end) {
      out += '%!(NOVERB)';
      break;
    }
    const { r, size } = runeAt(format, i);
    const verb = runeString(r);
    i += size;

    if (verb === '%') out += '%';
    else if (!goodArgNum) out += `%!${verb}(BADINDEX)`;
    else if (argNum >= a.length) out += `%!${verb}(MISSING)`;
    else {
      out += printArg(a[argNum], verb, f);
      argNum++;
    }
  }

  if (!reordered && argNum < a.length) {
    const extra = a.slice(argNum).map((v) => `${formatStateName}=${spewV(v, { sharp: false, plus: false })}`);
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}
