// vtpl: Go text/template, byte for byte, in TypeScript (the `vtpl` entry point).
// Only what a template user needs is public: the Template API, the Go values a JS
// function receives, and JSON decoding that keeps number literals. The Go reflection
// model behind it (types such as uintptrType) stays internal.

export { Template, render, TemplateError, type FuncMap, type JSFunc, type RenderOptions, type Writer } from './template.js';
export { Value, GoError, type GoFunc } from './value/value.js';
export { fromJS } from './value/from-js.js';
export { goFunc } from './value/func.js';
export { type FuncSig, type GoType, type Kind } from './value/types.js';
export { decodeJSON, type DecodeOptions } from './value/json.js';
