// Where the records' key is kept, in the words the screens use: the two homes a nurse may choose
// (the keystore first, the default), and why a key file is weaker.
import type { KeyHome } from '../../lib/ipc';

/** The choices of "Keep the key in", in order. */
export const KEY_HOMES: [KeyHome, string][] = [
  ['keystore', "The workstation's keystore"],
  ['key_file', 'A key file (weaker)'],
];

/** One sentence: why a key file is weaker than the keystore. */
export const KEY_FILE_WEAKER =
  'A key file is weaker: anyone who can read that file and the data directory can read the records.';

/** Where the key is kept, as a phrase: "the workstation's keystore" or "a key file (weaker): <path>". */
export function keyHomeText(home: KeyHome, keyFile: string | null): string {
  if (home === 'keystore') return "the workstation's keystore";
  return keyFile ? `a key file (weaker): ${keyFile}` : 'a key file (weaker)';
}
