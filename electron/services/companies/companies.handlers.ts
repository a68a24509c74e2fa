import { AppError } from '../../../shared/errors.ts';
import type { Handlers } from '../../core/context.ts';
import { translate } from '../../../shared/i18n/index.ts';
import { loadCompany } from './companies.repo.ts';
import { iterateCompanies, listCompanies, companyNames } from './companies.query.ts';
import { checkCompanyRules, insertCompany, updateCompany } from './companies.write.ts';
import { toCsv, toXlsx } from './companies.export.ts';

type CompaniesCommand = 'companies.create' | 'companies.update' | 'companies.get' | 'companies.list' | 'companies.names' | 'companies.export';

/** The register of private security companies. */
export const companiesHandlers: Handlers<CompaniesCommand> = {
  'companies.create': (ctx, input) => {
    const norm = checkCompanyRules(ctx.db, input, null);
    const id = insertCompany(ctx.db, input, norm, ctx.nowIso(), ctx.user!.id);
    const after = loadCompany(ctx.db, id)!;
    ctx.audit({ entityType: 'company', entityId: id, payload: { after } });
    return after;
  },

  'companies.update': (ctx, input) => {
    const before = loadCompany(ctx.db, input.id);
    if (!before) throw new AppError('NOT_FOUND', 'errors.companyNotFound', {}, 'id');
    const norm = checkCompanyRules(ctx.db, input.fields, input.id);
    updateCompany(ctx.db, input.id, input.version, input.fields, norm, ctx.nowIso(), ctx.user!.id);
    const after = loadCompany(ctx.db, input.id)!;
    ctx.audit({ entityType: 'company', entityId: input.id, payload: { before, after } });
    return after;
  },

  'companies.get': (ctx, input) => {
    const c = loadCompany(ctx.db, input.id);
    if (!c) throw new AppError('NOT_FOUND', 'errors.companyNotFound', {}, 'id');
    return c;
  },

  'companies.list': (ctx, input) => listCompanies(ctx.db, input, input.offset, input.limit),
  'companies.names': (ctx) => companyNames(ctx.db),

  'companies.export': async (ctx, input) => {
    const stamp = ctx.nowIso().slice(0, 10);
    const base = `${translate(input.language, 'companies.exportFile')}-${stamp}`;
    if (input.format === 'csv') {
      const { text, count } = toCsv(iterateCompanies(ctx.db, input), input.columns, input.language);
      return { filename: `${base}.csv`, mime: 'text/csv;charset=utf-8', base64: Buffer.from(text, 'utf8').toString('base64'), rows: count };
    }
    const { buffer, count } = await toXlsx(iterateCompanies(ctx.db, input), input.columns, input.language, translate(input.language, 'companies.title'));
    return { filename: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buffer.toString('base64'), rows: count };
  },
};
