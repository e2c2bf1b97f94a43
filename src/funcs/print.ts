// print, printf, println builtins: fmt.Sprint, fmt.Sprintf, fmt.Sprintln.

import { type Value, goFunc, indirectInterface, stringType, stringValue } from '../value/index.js';
import { compilePrintf, parsePrintf, sprint, sprintf, sprintln } from '../fmt/index.js';
import { setSpecializer } from '../exec/index.js';
import { anyVariadicToString, formatAnyVariadicToString } from './signatures.js';

// The `...any` arguments arrive boxed; fmt takes the dynamic values (nil any as invalid).
export const printFunc = goFunc(anyVariadicToString, (args) => stringValue(sprint(args.map(indirectInterface))));

export const printfFunc = goFunc(formatAnyVariadicToString, ([format, ...args]) => stringValue(sprintf(format.str(), args.map(indirectInterface))));

// With a literal format, the call site parses it once (args[0] is that format).
setSpecializer(printfFunc, ([format]) => {
  const parsed = format === undefined ? null : parsePrintf(format);
  if (parsed === null) return null;
  // Each verb's printer is chosen once, by its verb and flags (printf-compiled.ts).
  const sprintfCompiled = compilePrintf(parsed);
  // With one string argument the result depends on nothing else, and a call site meets the
  // same few strings pass after pass ({{ secret (printf "secret/data/%s" $name) }} in a
  // range over a listing): the results are kept, so that each is the same string, whose
  // hash later map lookups (secret's path) find already computed instead of flattening and
  // hashing a new one. Short results only, a bounded number of them.
  // The last one found is kept apart as well: the sites with this format (the tree's sites that
  // share these constants) mostly meet one string ({{ .app | printf "%s-1" }}), and in a large
  // template each format's map and its table are two cache misses.
  const known = new Map<string, Value>();
  let lastArg: string | null = null;
  let lastValue: Value | null = null;
  return (args: readonly Value[]) => {
    const arg = args.length === 2 ? indirectInterface(args[1]) : null;
    const s = arg !== null && arg.type === stringType ? arg.str() : null;
    if (s === null || s.length > maxKeptLength) return stringValue(sprintfCompiled(args, 1));
    if (s === lastArg && lastValue !== null) return lastValue;
    let v = known.get(s);
    if (v === undefined) {
      v = stringValue(sprintfCompiled(args, 1));
      if (v.str().length > maxKeptLength) return v;
      if (known.size >= maxKept) known.clear();
      known.set(s, v);
    }
    lastArg = s;
    lastValue = v;
    return v;
  };
});

const maxKept = 1024;
const maxKeptLength = 512;

export const printlnFunc = goFunc(anyVariadicToString, (args) => stringValue(sprintln(args.map(indirectInterface))));
