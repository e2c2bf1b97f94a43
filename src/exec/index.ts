// The text/template evaluator (exec.go), compiled to closures.

export { StackExhaustedError, TemplateError } from './errors.js';
export { execute } from './execute.js';
export { StringWriter, type Writer, isStringLengthError, maxStringLength } from './output.js';
export { BufferedSink, type ByteSink, minSinkRoom } from './byte-output.js';
export { type CallBuiltin, goodFunc, isStackOverflow } from './call.js';
export type { CompiledBody, ExecTemplate, MissingKey } from './state.js';
export { isTrue, truth } from './truth.js';
export { printableValue } from './print.js';
export { canAddr, indexOf, indirect } from './addressable.js';
export { type Specializer, setSpecializer } from './specialize.js';
