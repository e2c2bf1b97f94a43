// encoding/json over Values: decoding into interface{} and marshaling.
export { decodeJSON, type DecodeOptions, JSONSyntaxError } from './json-decode.js';
export { marshalJSON, type MarshalOptions } from './json-encode.js';
