import { describe, expect, it } from 'vitest';
import { brCpfCheck, checkNationalId, clRunCheck, formatNationalId, gtCuiCheck, mxCurpCheck, normalizeNationalId } from '../../shared/model/nationalId.ts';

const problem = (c: Parameters<typeof checkNationalId>[0], id: string) => checkNationalId(c, id)?.problem ?? null;

describe('national ids', () => {
  it('Guatemala CUI: check digit of the serial (weights 2..9, mod 11) and a real department/municipality', () => {
    // 2547896 4 → 2·2+5·3+4·4+7·5+8·6+9·7+6·8+4·9 = 265; 265 mod 11 = 1
    expect(gtCuiCheck('25478964')).toBe(1);
    expect(problem('GT', '2547 89641 0101')).toBeNull();
    expect(problem('GT', '2547-89641-1333')).toBeNull(); // Huehuetenango (13) has 33 municipalities
    expect(problem('GT', '2547896411715')).toBe('place'); // Petén (17) has 14
    expect(problem('GT', '2547896421601')).toBe('checkDigit');
    expect(problem('GT', '2547896412301')).toBe('place'); // no department 23
    expect(problem('GT', '2547896410118')).toBe('place'); // Guatemala has 17 municipalities
    expect(problem('GT', '254789641010')).toBe('format');
    expect(formatNationalId('GT', '2547896410101')).toBe('2547 89641 0101');
  });

  it('Brazil CPF: both check digits', () => {
    expect(brCpfCheck('529982247')).toBe('25');
    expect(brCpfCheck('111444777')).toBe('35');
    expect(problem('BR', '529.982.247-25')).toBeNull();
    expect(problem('BR', '529.982.247-52')).toBe('checkDigit');
    expect(problem('BR', '111.111.111-11')).toBe('format');
    expect(formatNationalId('BR', '11144477735')).toBe('111.444.777-35');
  });

  it('Mexico CURP: structure, state code and verification digit', () => {
    expect(mxCurpCheck('HEGG560427MVZRRL0')).toBe('4');
    expect(problem('MX', 'HEGG560427MVZRRL04')).toBeNull();
    expect(problem('MX', 'hegg560427mvzrrl04')).toBeNull();
    expect(problem('MX', 'HEGG560427MVZRRL05')).toBe('checkDigit');
    expect(problem('MX', 'HEGG560427MXXRRL04')).toBe('place');
    expect(problem('MX', 'HEGG561327MVZRRL04')).toBe('format');
  });

  it('Colombia cédula and Peru DNI: digits of the legal length', () => {
    expect(problem('CO', '1.020.304.050')).toBeNull();
    expect(formatNationalId('CO', '1020304050')).toBe('1.020.304.050');
    expect(problem('CO', '12AB45')).toBe('format');
    expect(problem('PE', '45678912')).toBeNull();
    expect(problem('PE', '4567891')).toBe('format');
  });

  it('Chile RUN, Ecuador cédula and El Salvador DUI check digits', () => {
    expect(clRunCheck('12345678')).toBe('5');
    expect(problem('CL', '12.345.678-5')).toBeNull();
    expect(problem('CL', '12.345.678-K')).toBe('checkDigit');
    expect(problem('EC', '1710034065')).toBeNull();
    expect(problem('EC', '1710034066')).toBe('checkDigit');
    expect(problem('SV', '04567891-1')).toBeNull();
    expect(problem('SV', '04567891-2')).toBe('checkDigit');
  });

  it('generic countries and normalisation for duplicates', () => {
    expect(problem('PA', '8-123-4567')).toBeNull();
    expect(normalizeNationalId(' 2547.89641-0101 ')).toBe('2547896410101');
    expect(normalizeNationalId('ｈｅｇｇ')).toBe('HEGG');
    expect(checkNationalId('GT', '1')?.example).toBe('2547 89641 0101');
  });
});
