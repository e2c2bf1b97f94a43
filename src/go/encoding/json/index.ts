// encoding/json over Values: decoding into interface{} and marshaling.
export { decodeJSON, type DecodeOptions, JSONSyntaxError } from './decode.js';
export { marshalJSON, type MarshalOptions } from './encode.js';
