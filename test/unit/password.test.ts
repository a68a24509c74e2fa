import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../shared/model/password.ts';

describe('password strength', () => {
  it.each([
    ['corta1!', 'password.tooShort'], ['contraseña123', 'password.tooCommon'], ['abcdefghijk', 'password.tooSimple'],
    ['aaaaaaaaaaaaaaaaaaaa', 'password.tooSimple'],
  ])('%s → %s', (pw, key) => expect(passwordProblem(pw)).toBe(key));
  it('accepts a mixed password and a long passphrase, refuses the username', () => {
    expect(passwordProblem('Vigilancia-2026!')).toBeNull();
    expect(passwordProblem('caballo correcto batería grapa')).toBeNull();
    expect(passwordProblem('Mariela2026!', ['mariela'])).toBe('password.tooCommon');
  });
});
