// encoding/json over Values: decoding into interface{} and marshaling.
export { decodeJSON, type DecodeOptions } from './json-decode.js';
export { marshalJSON, type MarshalOptions } from './json-encode.js';
