import type { ExamplesFactory } from './types.ts';
import { sampleCompany, nextGtNit } from '../../helpers/workspace.ts';
import { samplePerson, VALID_VETTING } from '../../helpers/personnel.ts';

export const examples: ExamplesFactory = () => {
  let companyId = '';
  let otherCompanyId = '';
  let armoryId = '';
  let firearmId = '';
  let lotId = '';
  let listId = '';
  let n = 0;
  let guardId = '';
  return {
    async setup(w) {
      guardId = (await w.ok('personnel.create', samplePerson(VALID_VETTING))).id;
      await w.ok('personnel.transitionCredential', { personId: guardId, action: 'startVetting' });
      await w.ok('personnel.transitionCredential', { personId: guardId, action: 'issue' });
      await w.ok('personnel.addQualification', { personId: guardId, calibre: '9 mm', qualifiedOn: '2026-10-01', requalifyBy: '2027-10-01' });
      companyId = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: 'Armas Ejemplo, S.A.' }))).id;
      otherCompanyId = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: 'Receptora Ejemplo, S.A.' }))).id;
      armoryId = (await w.ok('armories.create', { companyId, name: 'Armería central', address: '6a Avenida 1-23, zona 4' })).id;
      firearmId = (await w.ok('firearms.register', { companyId, armoryId, type: 'pistol', make: 'Jericho', calibre: '9mm', serial: 'EX-0001' })).id;
      lotId = (await w.ok('ammunition.receive', { companyId, armoryId, calibre: '9mm', ammoType: 'fmj', lotNumber: 'L-1', manufacturer: 'CBC', quantity: 1000, date: '2026-11-01' })).id;
      listId = (await w.ok('firearms.openCustody', { companyId: otherCompanyId, reason: 'expired' })).id;
    },
    examples: {
      'firearms.register': () => ({ companyId, type: 'revolver', make: 'Taurus', calibre: '.38 SPL', serial: `RX-${++n}-${Date.now()}` }),
      'firearms.update': () => ({ id: firearmId, version: 1, fields: { companyId, armoryId, type: 'pistol', make: 'Jericho', calibre: '9mm', serial: 'EX-0001', notes: 'x' } }),
      'firearms.get': () => ({ id: firearmId }),
      'firearms.list': () => ({ serial: 'ex00' }),
      'firearms.timeline': () => ({ id: firearmId }),
      'firearms.transition': () => ({ id: firearmId, version: 1, action: 'issue', personId: guardId, post: 'Banco, zona 1', issuedAt: '2026-11-23T06:00', shiftEndsAt: '2026-11-23T18:00' }),
      'firearms.issueLog': () => ({ companyId }),
      'firearms.lossReports': () => ({ lateOnly: true }),
      'firearms.calibres': () => ({}),
      'firearms.saveCalibre': () => ({ code: '38sw', canonical: '.38 S&W', kind: 'handgun', synonyms: ['38 S&W', '.38 corto'] }),
      'firearms.removeCalibre': () => ({ code: '37maynard' }),
      'firearms.settings': () => ({}),
      'firearms.setSettings': () => ({ lossReportDeadlineDays: 8 }),
      'firearms.openCustody': () => ({ companyId: otherCompanyId, reason: 'expired' }),
      'firearms.custodyLists': () => ({}),
      'firearms.custodyItems': () => ({ listId }),
      'armories.create': () => ({ companyId, name: `Armería ${++n}`, address: 'Km 15 carretera a El Salvador' }),
      'armories.update': () => ({ id: armoryId, version: 1, fields: { companyId, name: 'Armería central', address: '6a Avenida 1-23, zona 4', cameras: 4 } }),
      'armories.get': () => ({ id: armoryId }),
      'armories.list': () => ({ companyId }),
      'ammunition.receive': () => ({ companyId, armoryId, calibre: '9x19', ammoType: 'fmj', lotNumber: 'L-1', manufacturer: 'CBC', quantity: 10, date: '2026-11-02' }),
      'ammunition.consume': () => ({ lotId, quantity: 5, reason: 'training', date: '2026-11-03' }),
      'ammunition.transfer': () => ({ lotId, quantity: 5, toCompanyId: otherCompanyId, date: '2026-11-04' }),
      'ammunition.count': () => ({ lotId, declared: 1000, counted: 990, date: '2026-11-05' }),
      'ammunition.list': () => ({ companyId }),
      'ammunition.balances': () => ({}),
      'ammunition.movements': () => ({ lotId }),
    },
  };
};
