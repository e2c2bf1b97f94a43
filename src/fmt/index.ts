// Go's fmt printing (Sprint, Sprintln, Sprintf) over vtpl Values, and what other layers
// reuse: the strconv float formatting (FormatFloat) and flatten (a V8 rope made one
// string). Operands are Go `any` values: an interface Value is unwrapped, and an invalid
// Value or nil interface is nil.

export { sprint, sprintf, sprintfParsed, sprintln } from './print.js';
export { parsePrintf, type PrintfFormat } from './printf-format.js';
export { compilePrintf, type CompiledPrintf } from './printf-compiled.js';
export { formatFloat, type FloatFormat } from './ftoa.js';
export { sortedEntries, type KeyValue } from './sort-keys.js';
export { parseArgNumber, parsenum } from './printf-parse.js';
export { flatten } from './flatten.js';
