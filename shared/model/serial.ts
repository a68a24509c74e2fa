/**
 * Firearm serial numbers: kept exactly as written (the marking on the weapon, ITI art. 8) and
 * also in a normalised form used for matching, duplicate detection and trace search, so that
 * "AB-1234", "ab 1234" and "AB.1234" are found as the same weapon.
 *
 * Normalisation policy (`normaliseSerial`):
 * 1. Unicode NFKC, accents removed ("É" → "E"), upper case.
 * 2. Separators ignored: spaces, dashes of any kind, dots, slashes, backslashes, underscores — in
 *    fact every character that is not a letter or a digit, because markings are read off metal
 *    and typed by hand.
 * 3. Spreadsheet float artefact: a serial made only of digits followed by ".0" (e.g. "123456.0",
 *    as exported from Excel) loses the ".0" before step 2.
 * 4. Leading zeros policy: zeros at the START of the normalised serial are dropped ("000123" and
 *    "123" match; spreadsheets silently drop them), an all-zero serial becomes "0". Zeros inside
 *    the serial are significant ("AB0123" ≠ "AB123"), because manufacturers print them and
 *    dropping them would merge different weapons.
 * 5. No letter/digit look-alike folding (O/0, I/1, S/5): that would be a guess. Partial search
 *    lets an officer find a doubtful reading instead.
 *
 * The written form is never altered; only the normalised form is used to compare.
 */

export const SERIAL_MAX_LENGTH = 64;

export interface SerialNumber {
  /** Exactly as written (trimmed of surrounding blanks only). */
  written: string;
  /** Matching form: see the policy above. Empty when the text holds no letter or digit. */
  normalised: string;
}

/** The matching form of a serial (policy in the file header). Pure. */
export function normaliseSerial(written: string): string {
  let s = (written ?? '').normalize('NFKC').trim();
  if (/^\d+\.0+$/.test(s)) s = s.replace(/\.0+$/, '');
  s = s.normalize('NFD').replace(/\p{M}+/gu, '').toUpperCase();
  s = s.replace(/[^\p{L}\p{N}]+/gu, '');
  // NFKC has already turned full-width and other compatibility digits into ASCII ones.
  const stripped = s.replace(/^0+/, '');
  return stripped === '' && s !== '' ? '0' : stripped;
}

/** Both forms, as stored on a firearm. */
export function toSerialNumber(written: string): SerialNumber {
  const w = (written ?? '').trim();
  return { written: w, normalised: normaliseSerial(w) };
}

/** True when two written serials are the same weapon marking under the policy. */
export function serialsMatch(a: string, b: string): boolean {
  const na = normaliseSerial(a);
  return na !== '' && na === normaliseSerial(b);
}

export type SerialProblem = 'required' | 'tooLong' | 'noAlphanumeric';

/** Why a written serial cannot be recorded, or null. */
export function checkSerial(written: string): SerialProblem | null {
  const w = (written ?? '').trim();
  if (w === '') return 'required';
  if (w.length > SERIAL_MAX_LENGTH) return 'tooLong';
  if (normaliseSerial(w) === '') return 'noAlphanumeric';
  return null;
}

/**
 * The normalised fragment used for partial (contains / prefix) search. Same policy, so a
 * fragment typed with dashes or lower case finds the stored form; leading zeros of a fragment are
 * kept when the whole fragment is zeros ("00" still searches for "0").
 */
export function serialSearchFragment(text: string): string {
  return normaliseSerial(text);
}
