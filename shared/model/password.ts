/**
 * Password strength, checked the same way in the form (live) and in the main process (binding).
 * Returns an i18n key, or null when the password is acceptable.
 * Rule: at least 10 characters and three kinds of character, or a 16+ character passphrase;
 * never the username or agency name, never a well-known password.
 */
const COMMON = ['password', 'contraseña', 'contrasena', '123456', 'qwerty', 'admin', 'centinela', 'seguridad', 'guatemala', 'colombia', 'brasil'];

export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblem(pw: string, avoid: string[] = []): string | null {
  if (pw.length < MIN_PASSWORD_LENGTH) return 'password.tooShort';
  const lower = pw.toLowerCase();
  for (const word of [...COMMON, ...avoid.map((a) => a.toLowerCase()).filter((a) => a.length >= 3)]) {
    if (lower.includes(word) && pw.length - word.length < 6) return 'password.tooCommon';
  }
  const kinds = [/[a-zà-ÿ]/, /[A-ZÀ-Ý]/, /\d/, /[^A-Za-zÀ-ÿ0-9]/].filter((rx) => rx.test(pw)).length;
  if (pw.length < 16 && kinds < 3) return 'password.tooSimple';
  if (new Set(pw).size < 5) return 'password.tooSimple';
  return null;
}
