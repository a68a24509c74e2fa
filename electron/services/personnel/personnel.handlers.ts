import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { Person } from '../../../shared/commands/personnel.ts';
import type { Ctx, Handlers } from '../../core/context.ts';
import { applyCredentialTransition, expireCredentials, localDate } from './credentials.ts';
import { endEmployment, setEmployer } from './employment.ts';
import { personsToCsv, personsToXlsx } from './personnel.export.ts';
import { readPersonnelSettings, writePersonnelSettings } from './personnel.settings.ts';
import { loadPerson, loadPersonRow } from './persons.repo.ts';
import { iteratePersons, listPersons } from './persons.query.ts';
import { checkPersonRules, insertPerson, touchPerson, updatePerson } from './persons.write.ts';
import { resolveCalibre } from '../firearms/calibres.repo.ts';

type PersonnelCommand =
  | 'personnel.create' | 'personnel.update' | 'personnel.get' | 'personnel.list' | 'personnel.export'
  | 'personnel.transitionCredential' | 'personnel.expireCredentials' | 'personnel.addTraining' | 'personnel.addQualification'
  | 'personnel.setEmployer' | 'personnel.endEmployment' | 'personnel.getSettings' | 'personnel.updateSettings';

const today = (ctx: Ctx) => localDate(ctx.clock.now());

function mustLoad(ctx: Ctx, id: string): Person {
  const p = loadPerson(ctx.db, id);
  if (!p) throw new AppError('NOT_FOUND', 'errors.personNotFound', {}, 'personId');
  return p;
}

function requireRow(ctx: Ctx, id: string): void {
  if (!loadPersonRow(ctx.db, id)) throw new AppError('NOT_FOUND', 'errors.personNotFound', {}, 'personId');
}

/** The personnel register: guards, supervisors and managers, their vetting, credentials and employers. */
export const personnelHandlers: Handlers<PersonnelCommand> = {
  'personnel.create': (ctx, input) => {
    const norm = checkPersonRules(ctx.db, input, null, today(ctx));
    const id = insertPerson(ctx.db, input, norm, ctx.nowIso(), ctx.user!.id);
    const after = loadPerson(ctx.db, id)!;
    ctx.audit({ entityType: 'person', entityId: id, payload: { after } });
    return after;
  },

  'personnel.update': (ctx, input) => {
    const before = loadPerson(ctx.db, input.id);
    if (!before) throw new AppError('NOT_FOUND', 'errors.personNotFound', {}, 'id');
    const norm = checkPersonRules(ctx.db, input.fields, input.id, today(ctx));
    updatePerson(ctx.db, input.id, input.version, input.fields, norm, ctx.nowIso(), ctx.user!.id);
    const after = loadPerson(ctx.db, input.id)!;
    ctx.audit({ entityType: 'person', entityId: input.id, payload: { before, after } });
    return after;
  },

  'personnel.get': (ctx, input) => {
    const p = loadPerson(ctx.db, input.id);
    if (!p) throw new AppError('NOT_FOUND', 'errors.personNotFound', {}, 'id');
    return p;
  },

  'personnel.list': (ctx, input) => listPersons(ctx.db, input, input.offset, input.limit, today(ctx)),

  'personnel.export': async (ctx, input) => {
    const base = `${translate(input.language, 'personnel.exportFile')}-${ctx.nowIso().slice(0, 10)}`;
    const rows = iteratePersons(ctx.db, input, today(ctx));
    if (input.format === 'csv') {
      const { text, count } = personsToCsv(rows, input.columns, input.language);
      return { filename: `${base}.csv`, mime: 'text/csv;charset=utf-8', base64: Buffer.from(text, 'utf8').toString('base64'), rows: count };
    }
    const { buffer, count } = await personsToXlsx(rows, input.columns, input.language, translate(input.language, 'personnel.title'));
    return { filename: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buffer.toString('base64'), rows: count };
  },

  'personnel.transitionCredential': (ctx, input) => {
    applyCredentialTransition(ctx, { personId: input.personId, action: input.action, reason: input.reason, legalBasis: input.legalBasis });
    return mustLoad(ctx, input.personId);
  },

  'personnel.expireCredentials': (ctx) => ({ expired: expireCredentials(ctx) }),

  'personnel.addTraining': (ctx, input) => {
    requireRow(ctx, input.personId);
    if (input.completedOn > today(ctx)) throw AppError.validation('completedOn', 'validation.dateFuture');
    const id = uuidv7();
    const now = ctx.nowIso();
    ctx.db.prepare(`INSERT INTO person_trainings (id, person_id, course, hours, provider, completed_on, kind, created_at, updated_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, input.personId, input.course, input.hours, input.provider, input.completedOn, input.kind, now, now, ctx.user!.id);
    touchPerson(ctx.db, input.personId, now, ctx.user!.id);
    ctx.audit({ entityType: 'person', entityId: input.personId, payload: { training: { id, ...input } } });
    return mustLoad(ctx, input.personId);
  },

  'personnel.addQualification': (ctx, input) => {
    requireRow(ctx, input.personId);
    // Calibres come from the workspace's list (firearms area): unknown or ambiguous spellings go back to the officer.
    const calibre = resolveCalibre(ctx.db, input.calibre, 'calibre');
    if (input.qualifiedOn > today(ctx)) throw AppError.validation('qualifiedOn', 'validation.dateFuture');
    const now = ctx.nowIso();
    const ins = ctx.db.prepare(`INSERT INTO person_qualifications (id, person_id, calibre, qualified_on, requalify_by, instructor, created_at, updated_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // A multi-calibre weapon's spelling ("38 SPL / 357 MAG") qualifies for each of its calibres.
    const ids = calibre.components.map((c) => {
      const id = uuidv7();
      ins.run(id, input.personId, c.code, input.qualifiedOn, input.requalifyBy, input.instructor, now, now, ctx.user!.id);
      return { id, calibre: c.code };
    });
    touchPerson(ctx.db, input.personId, now, ctx.user!.id);
    ctx.audit({ entityType: 'person', entityId: input.personId, payload: { qualification: { ids, ...input } } });
    return mustLoad(ctx, input.personId);
  },

  'personnel.setEmployer': (ctx, input) => {
    setEmployer(ctx, input);
    return mustLoad(ctx, input.personId);
  },

  'personnel.endEmployment': (ctx, input) => {
    endEmployment(ctx, input);
    return mustLoad(ctx, input.personId);
  },

  'personnel.getSettings': (ctx) => readPersonnelSettings(ctx.db),

  'personnel.updateSettings': (ctx, input) => {
    const before = readPersonnelSettings(ctx.db);
    writePersonnelSettings(ctx.db, input);
    ctx.audit({ entityType: 'settings', entityId: 'personnel', payload: { before, after: input } });
    return readPersonnelSettings(ctx.db);
  },
};
