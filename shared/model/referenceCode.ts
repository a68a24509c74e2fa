/**
 * Grievance reference codes: what a complainant writes down and quotes later on the phone.
 * 11 random Crockford base-32 symbols (55 bits: not guessable by trying) plus one check
 * symbol, shown as `XXXX-XXXX-XXXX`. No I, L, O or U; reading them back is forgiving
 * (lower case, spaces, O for 0, I/L for 1), and a typo is caught by the check symbol.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function check(symbols: string): string {
  let s = 0;
  for (let i = 0; i < symbols.length; i++) s = (s * 7 + ALPHABET.indexOf(symbols[i]!) * (i + 3)) % 31;
  return ALPHABET[s]!;
}

/** Makes a code from at least 7 random bytes (the caller supplies them: shared/ has no crypto). */
export function makeReferenceCode(random: Uint8Array): string {
  if (random.length < 7) throw new Error('need 7 random bytes');
  let bits = 0n;
  for (let i = 0; i < 7; i++) bits = (bits << 8n) | BigInt(random[i]!);
  let body = '';
  for (let i = 0; i < 11; i++) { body += ALPHABET[Number(bits & 31n)]; bits >>= 5n; }
  const all = body + check(body);
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8, 12)}`;
}

/** The canonical form of what someone typed, or null when it cannot be a code (wrong length or check). */
export function normalizeReferenceCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(s)) return null;
  if (check(s.slice(0, 11)) !== s[11]) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}
