// print, printf, println builtins: fmt.Sprint, fmt.Sprintf, fmt.Sprintln.

import { type Value, goFunc, indirectInterface, stringValue } from '../value/index.js';
import { parsePrintf, sprint, sprintf, sprintfParsed, sprintln } from '../fmt/index.js';
import { setSpecializer } from '../exec/index.js';
import { anyVariadicToString, formatAnyVariadicToString } from './signatures.js';

// The `...any` arguments arrive boxed; fmt takes the dynamic values (nil any as invalid).
export const printFunc = goFunc(anyVariadicToString, (args) => stringValue(sprint(args.map(indirectInterface))));

export const printfFunc = goFunc(formatAnyVariadicToString, ([format, ...args]) => stringValue(sprintf(format.str(), args.map(indirectInterface))));

// With a literal format, the call site parses it once (args[0] is that format).
setSpecializer(printfFunc, ([format]) => {
  const parsed = format === undefined ? null : parsePrintf(format);
  if (parsed === null) return null;
  return (args: readonly Value[]) => stringValue(sprintfParsed(parsed, args, 1));
});

export const printlnFunc = goFunc(anyVariadicToString, (args) => stringValue(sprintln(args.map(indirectInterface))));
