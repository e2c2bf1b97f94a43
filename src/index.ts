// vtpl: Go text/template, byte for byte, in TypeScript (the `vtpl` entry point).
// Only what a template user needs is public: the Template API, the Go values a JS
// function receives, JSON decoding that keeps number literals, and the conversions between
// Go's bytes and the strings that hold them (goBytes, goString). The Go reflection
// model behind it (types such as uintptrType) stays internal.

export { Template, render, TemplateError, type FuncMap, type JSFunc, type RenderOptions, type Writer, type ByteSink } from './template.js';
export { Value, GoError, type GoFunc, fromJS, goFunc, type FuncSig, type GoType, type Kind } from './value/index.js';
export { decodeJSON, type DecodeOptions } from './go/encoding/json/index.js';
export { utf8Bytes as goBytes, goString } from './go/unicode/utf8/index.js';
