import { describe, expect, it } from 'vitest';
import { countWeapons, type ExpectedWeapon } from '../../shared/model/weaponCount.ts';

const w = (id: string, serial: string, state = 'in_armory', here = true): ExpectedWeapon => ({ id, serial, make: 'Glock', state, here });

describe('physical count by serial', () => {
  it('matches through the normalised serial and flags missing, extra, repeated', () => {
    const register = [w('1', 'AB-12 345'), w('2', '0077'), w('3', 'XZ-9'), w('4', 'LOST-1', 'lost', false)];
    const r = countWeapons(register, ['ab12345', ' 77 ', 'AB 12345', 'ZZ-1', 'lost 1', '---', '']);
    expect(r.present.map((x) => x.id)).toEqual(['1', '2']);
    expect(r.missing.map((x) => x.id)).toEqual(['3']);
    expect(r.extra).toEqual([{ serial: 'ZZ-1', known: null }, { serial: 'lost 1', known: register[3] }]);
    expect(r.repeated).toEqual(['AB 12345']);
    expect(r.unreadable).toEqual(['---']);
  });
});
