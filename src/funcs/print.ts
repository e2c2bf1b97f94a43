// print, printf, println builtins: fmt.Sprint, fmt.Sprintf, fmt.Sprintln.

import { goFunc, indirectInterface, stringValue } from '../value/index.js';
import { sprint, sprintf, sprintln } from '../fmt/index.js';
import { anyVariadicToString, formatAnyVariadicToString } from './signatures.js';

// The `...any` arguments arrive boxed; fmt takes the dynamic values (nil any as invalid).
export const printFunc = goFunc(anyVariadicToString, (args) => stringValue(sprint(args.map(indirectInterface))));

export const printfFunc = goFunc(formatAnyVariadicToString, ([format, ...args]) => stringValue(sprintf(format.str(), args.map(indirectInterface))));

export const printlnFunc = goFunc(anyVariadicToString, (args) => stringValue(sprintln(args.map(indirectInterface))));
