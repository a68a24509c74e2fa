import { describe, expect, it } from 'vitest';
import { checkSerial, normaliseSerial, serialsMatch, toSerialNumber } from '../../shared/model/serial.ts';

describe('serial numbers', () => {
  it.each([
    ['AB-1234', 'ab 1234'], ['AB-1234', 'AB.1234'], ['AB-1234', 'ab/1234'], ['AB-1234', ' AB_1234 '], ['AB–1234', 'AB1234'],
    ['tkr 45.123/b', 'TKR45123B'], ['ＡＢ１２３４', 'AB1234'], ['Ñé-77', 'NE77'], ['00012345', '12345'], ['012345.0', '12345'],
  ])('%j matches %j', (a, b) => expect(serialsMatch(a, b)).toBe(true));

  it.each([
    ['AB-1234', 'AB-1235'], ['AB0123', 'AB123'], ['A1B', 'A01B'], ['O123', '0123'], ['I23', '123'], ['', ''], ['---', '...'],
  ])('%j does not match %j', (a, b) => expect(serialsMatch(a, b)).toBe(false));

  it('keeps the written form and documents the leading-zero policy', () => {
    expect(toSerialNumber('  ab-0012 ')).toEqual({ written: 'ab-0012', normalised: 'AB0012' });
    expect(normaliseSerial('000123')).toBe('123');
    expect(normaliseSerial('0000')).toBe('0');
    expect(normaliseSerial('0-0-7')).toBe('7');
    expect(normaliseSerial('AB-0-7')).toBe('AB07');
    expect(normaliseSerial('12.50')).toBe('1250');
  });

  it('refuses what cannot be a serial', () => {
    expect(checkSerial('')).toBe('required');
    expect(checkSerial('  ')).toBe('required');
    expect(checkSerial('-/-')).toBe('noAlphanumeric');
    expect(checkSerial('A'.repeat(65))).toBe('tooLong');
    expect(checkSerial('AB-1234')).toBeNull();
  });
});
