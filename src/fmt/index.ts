// Go's fmt printing (Sprint, Sprintln, Sprintf) over vtpl Values, and the strconv
// formatting other layers reuse (Quote, FormatFloat). Operands are Go `any` values:
// an interface Value is unwrapped, and an invalid Value or nil interface is nil.

export { sprint, sprintf, sprintln } from './print.js';
export { formatFloat, type FloatFormat } from './ftoa.js';
export { quote, quoteToASCII, quoteRune, canBackquote, isPrint } from './quote.js';
