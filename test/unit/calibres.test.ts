import { describe, expect, it } from 'vitest';
import {
  calibreCollisions, calibreKey, calibreLabel, isKnownCalibre, normaliseCalibre, SHIPPED_CALIBRES, type CalibreList,
} from '../../shared/model/calibres.ts';

/** Every spelling listed in shared/realdata/SOURCE.txt (Brazil SINARM) and the expected code. */
const SINARM: [string, string][] = [
  ['.17 HMR', '17hmr'], ['.22', '22lr'], ['.22 LR', '22lr'], ['.22 MAGNUM', '22wmr'], ['.223 Rem', '556'],
  ['.243 Win', '243win'], ['.25 ACP', '25acp'], ['.28GA', '28ga'], ['.300BLK', '300blk'], ['.308 Win', '308'],
  ['.32 Long', '32swl'], ['.32 S&W', '32sw'], ['.32-20 Win', '3220'], ['.320', '320rev'], ['.357', '357mag'],
  ['.357 Mag', '357mag'], ['.37 Maynard', '37maynard'], ['.375 Mag', '375hh'], ['.38', '38spl'], ['.38 SPL', '38spl'],
  ['.38 Super Auto', '38super'], ['.38 TPC', '38spl'], ['.38-40 Win', '3840'], ['.38/.357', '38spl+357mag'],
  ['.380', '380acp'], ['.380 ACP', '380acp'], ['.40', '40sw'], ['.40 S&W', '40sw'], ['.410 Bore', '410'],
  ['.410/36', '410'], ['.44 Magnum', '44mag'], ['.44-40 Win', '4440'], ['.45 ACP', '45acp'], ['.454 Casull', '454casull'],
  ['10', '10ga'], ['10mm Auto', '10mm'], ['12', '12ga'], ['12 GA', '12ga'], ['12 gauge', '12ga'], ['16', '16ga'],
  ['20', '20ga'], ['20 GA', '20ga'], ['223REM/556MR', '556'], ['22LR/22MAG', '22lr+22wmr'], ['22LR/22WMR', '22lr+22wmr'],
  ['22WMR', '22wmr'], ['24', '24ga'], ['28', '28ga'], ['308 WIN/7.62x51mm', '308'], ['32', '32ga'], ['36', '410'],
  ['36/.22LR (duplo cano)', '410+22lr'], ['36GA', '410'], ['38 SPL / 357 MAG', '38spl+357mag'],
  ['380AUTO', '380acp'], ['38SPL/380AUTO', '38spl+380acp'], ['410GA/45 Colt', '410+45colt'],
  ['45 colt/ 45 auto', '45colt+45acp'], ['5,56x45mm', '556'], ['5.56mm', '556'], ['5.56x45mm/.223REM', '556'],
  ['6,35mm', '25acp'], ['635', '25acp'], ['7,62x51mm', '308'], ['7,65mm', '32acp'],
  ['7,65mm/.380 (arma multicalibre)', '32acp+380acp'], ['9 SHORT/.380', '380acp'], ['9 mm', '9x19'],
  ['9mm/.357 (arma multicalibre)', '9x19+357mag'], ['9x19mm', '9x19'],
];

/** SINARM spellings that name several calibres, or none: flagged, never guessed. */
const SINARM_FLAGGED: [string, 'ambiguous' | 'unrecognised'][] = [
  ['.17', 'ambiguous'], ['.30', 'ambiguous'], ['.32', 'ambiguous'], ['.44', 'ambiguous'], ['.45', 'ambiguous'],
  ['8mm', 'ambiguous'], ['40', 'unrecognised'], ['Outros Calibres', 'unrecognised'],
];

describe('calibre normalisation', () => {
  it.each(SINARM)('SINARM spelling %j → %s', (text, code) => {
    const m = normaliseCalibre(text);
    expect(isKnownCalibre(m) ? m.code : m).toBe(code);
  });

  it.each(SINARM_FLAGGED)('SINARM spelling %j is flagged (%s)', (text, reason) => {
    const m = normaliseCalibre(text);
    expect(isKnownCalibre(m)).toBe(false);
    if (!isKnownCalibre(m)) {
      expect(m.reason).toBe(reason);
      expect(m.unknown).toBe(text);
    }
  });

  it('ambiguous spellings list their candidates', () => {
    const m = normaliseCalibre('.45');
    expect(m).toEqual({ unknown: '.45', reason: 'ambiguous', candidates: ['45acp', '45colt'] });
  });

  it.each([
    ['9mm', '9x19'], ['9 mm', '9x19'], ['9x19', '9x19'], ['9 mm Parabellum', '9x19'], ['9×19 mm', '9x19'], ['9 X 19', '9x19'],
    ['.38 SPL', '38spl'], ['38 Special', '38spl'], ['Cal. 38', '38spl'], ['calibre .38', '38spl'],
    ['12GA', '12ga'], ['calibre 12', '12ga'], ['Calibre 12', '12ga'], ['cal. 12', '12ga'], ['12 ga.', '12ga'],
    ['.380', '380acp'], ['380AUTO', '380acp'], ['9 SHORT', '380acp'], ['9 mm corto', '380acp'],
    ['6,35mm', '25acp'], ['635', '25acp'], ['.25 ACP', '25acp'], ['6.35 mm', '25acp'],
    ['5,56 x 45 mm', '556'], ['7,62×51', '308'], ['  .22 l.r. ', '22lr'], ['．３８ ＳＰＬ', '38spl'],
  ])('issue example %j → %s', (text, code) => {
    const m = normaliseCalibre(text);
    expect(isKnownCalibre(m) ? m.code : m).toBe(code);
  });

  it('a bare number is a gauge, a dotted number a cartridge', () => {
    expect(calibreKey('.32')).not.toBe(calibreKey('32'));
    expect(calibreKey('.38 SPL')).toBe(calibreKey('38 SPL'));
    const gauge = normaliseCalibre('32');
    expect(isKnownCalibre(gauge) && gauge.canonical).toBe('32 GA');
  });

  it('multi-calibre results name every component in written order', () => {
    const m = normaliseCalibre('38 SPL / 357 MAG');
    expect(m).toEqual({
      canonical: '.38 SPL / .357 Magnum', code: '38spl+357mag',
      components: [{ code: '38spl', canonical: '.38 SPL' }, { code: '357mag', canonical: '.357 Magnum' }],
    });
    expect(calibreLabel('38spl+357mag')).toBe('.38 SPL / .357 Magnum');
  });

  it('one unknown part makes the whole spelling unknown', () => {
    expect(normaliseCalibre('9mm/.999 Zap')).toMatchObject({ unknown: '9mm/.999 Zap', reason: 'unrecognised' });
    expect(normaliseCalibre('9mm/.45')).toMatchObject({ reason: 'ambiguous', candidates: ['45acp', '45colt'] });
  });

  it('flags empty and unknown spellings instead of guessing', () => {
    for (const t of ['', '   ', '()']) expect(normaliseCalibre(t)).toMatchObject({ reason: 'empty' });
    for (const t of ['9', '.999', 'pistola', '38 largo', '12mm']) expect(isKnownCalibre(normaliseCalibre(t)), t).toBe(false);
  });

  it('uses the list it is given (administrator edits)', () => {
    const custom: CalibreList = [
      ...SHIPPED_CALIBRES.filter((c) => c.code !== '45colt'),
      { code: '38sw', canonical: '.38 S&W', kind: 'handgun', synonyms: ['38 largo'] },
    ];
    expect(normaliseCalibre('38 largo', custom)).toMatchObject({ code: '38sw', canonical: '.38 S&W' });
    expect(normaliseCalibre('.45', custom)).toMatchObject({ code: '45acp' });
    expect(isKnownCalibre(normaliseCalibre('38 largo'))).toBe(false);
  });

  it('codes are unique and the only collisions are the deliberate ambiguous ones', () => {
    const codes = SHIPPED_CALIBRES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).not.toContain('+');
    expect(calibreCollisions(SHIPPED_CALIBRES).map((c) => c.key).sort()).toEqual(['.17', '.30', '.32', '.44', '.45', '8mm'].sort());
  });
});
