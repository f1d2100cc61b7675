/**
 * DECODE stage: article bytes -> text. See decode.ts for the order of
 * decisions, detect.ts for the GB18030/Big5 heuristic.
 */
export { decode, DEFAULT_MAX_BYTES, ENCODINGS, type Decoded, type DecodeOptions, type Encoding } from './decode.js';
export { DecodeError } from './errors.js';
export { decodeFile } from './file.js';
