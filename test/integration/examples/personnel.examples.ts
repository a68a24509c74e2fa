import type { ExamplesFactory } from './types.ts';
import { nextGtNit, sampleCompany } from '../../helpers/workspace.ts';
import { samplePerson, VALID_VETTING } from '../../helpers/personnel.ts';

/** The personnel register: people, credentials, trainings, qualifications, employers, settings. */
export const examples: ExamplesFactory = () => {
  let personId = '';
  let companyId = '';
  let otherCompanyId = '';
  let flip = 0;
  const applicants: string[] = [];
  return {
    async setup(w) {
      companyId = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: 'Personal, S.A.' }))).id;
      otherCompanyId = (await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: 'Otra Personal, S.A.' }))).id;
      personId = (await w.ok('personnel.create', samplePerson(VALID_VETTING))).id;
      for (let i = 0; i < 6; i++) applicants.push((await w.ok('personnel.create', samplePerson())).id);
    },
    examples: {
      'personnel.create': () => samplePerson(),
      'personnel.update': () => ({ id: personId, version: 999, fields: samplePerson() }),
      'personnel.get': () => ({ id: personId }),
      'personnel.list': () => ({ search: 'pérez' }),
      'personnel.export': () => ({ format: 'csv', columns: ['familyNames'] }),
      // Each allowed role starts vetting of its own applicant; `personnel.write` is all it needs.
      'personnel.transitionCredential': () => ({ personId: applicants.pop() ?? personId, action: 'startVetting' }),
      'personnel.expireCredentials': () => ({}),
      'personnel.addTraining': () => ({ personId, course: 'Uso de la fuerza', hours: 8, provider: 'Academia', completedOn: '2026-10-01', kind: 'recurrent' }),
      'personnel.addQualification': () => ({ personId, calibre: '9 mm', qualifiedOn: '2026-10-01', requalifyBy: '2027-10-01' }),
      'personnel.setEmployer': () => ({ personId, companyId: flip++ % 2 ? companyId : otherCompanyId, startDate: '2026-11-01' }),
      'personnel.endEmployment': () => ({ personId, endDate: '2026-11-20' }),
      'personnel.getSettings': () => ({}),
      'personnel.updateSettings': () => ({ credentialNumberPattern: 'CRED-{year}-{seq:6}', credentialValidityMonths: 24, criminalCheckMaxAgeDays: 180 }),
    },
  };
};
