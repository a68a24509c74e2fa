import { describe, expect, it } from 'vitest';
import { checkTaxId, formatTaxId, normalizeTaxId } from '../../shared/model/taxId.ts';

describe('tax ids', () => {
  it.each([
    ['GT', '1234567-9'], ['GT', '576937-K'], ['CO', '900.123.456-8'], ['BR', '11.222.333/0001-81'], ['PE', '20123456786'],
    ['MX', 'ABC010203XY9'], ['CR', '3-101-123456'], ['SV', '0614-010101-101-1'],
  ] as const)('%s %s is valid', (c, id) => expect(checkTaxId(c, id)).toBeNull());

  it.each([
    ['GT', '1234567-8', 'checkDigit'], ['CO', '900123456-1', 'checkDigit'], ['BR', '11.222.333/0001-82', 'checkDigit'],
    ['BR', '11111111111111', 'format'], ['PE', '30123456786', 'format'], ['MX', 'ABC011303XY9', 'format'], ['GT', 'ABC', 'format'],
  ] as const)('%s %s is refused (%s)', (c, id, problem) => expect(checkTaxId(c, id)?.problem).toBe(problem));

  it('normalises what officers type and formats it the national way', () => {
    expect(normalizeTaxId(' 900.123.456 - 8 ')).toBe('9001234568');
    expect(formatTaxId('CO', '9001234568')).toBe('900.123.456-8');
    expect(formatTaxId('BR', '11222333000181')).toBe('11.222.333/0001-81');
    expect(formatTaxId('GT', '12345679')).toBe('1234567-9');
  });
});
