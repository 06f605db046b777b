/** Machine-readable zones of identity documents (MRZ): find, parse, check, values to fill. */

export { mrzCatalogs, mrzSourceText, mrzStatusMessage } from './messages.ts';
export {
  findMrzIn,
  type MrzFormat,
  type MrzReading,
  type MrzValues,
  mrzCandidates,
  mrzLine,
  parseMrz,
} from './read.ts';
export { mrzValues } from './values.ts';
