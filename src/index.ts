// vtpl: Go text/template, byte for byte, in TypeScript.

export { Template, render, TemplateError, type FuncMap, type JSFunc, type RenderOptions, type Writer } from './template.js';
export * from './value/index.js';
