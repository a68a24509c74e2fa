import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_SORT_COLUMNS } from '../../shared/model/personnel.ts';
import { listSql } from '../../electron/services/personnel/persons.query.ts';
import { freshWorkspace } from '../helpers/workspace.ts';

/**
 * At 600,000 people a page must walk an index, never sort the table: every sort, in both
 * directions, alone and under the filters officers use most, is checked with EXPLAIN QUERY PLAN.
 */
let w: Awaited<ReturnType<typeof freshWorkspace>>;
beforeAll(async () => { w = await freshWorkspace(); });
afterAll(() => w?.cleanup());

function plan(q: Parameters<typeof listSql>[0], reverse = false, which: 'keys' | 'page' = 'keys'): string {
  const s = listSql(q, '2026-11-23', reverse);
  const rows = w.app.workspaces.db.prepare(`EXPLAIN QUERY PLAN ${s[which]}`).all(...s.params, 100, 0) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

describe('personnel list query plans', () => {
  for (const sort of PERSON_SORT_COLUMNS) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`sort ${sort} ${dir} walks an index`, () => {
        for (const reverse of [false, true]) {
          const p = plan({ sort, dir }, reverse);
          expect(p).not.toMatch(/TEMP B-TREE/);
          expect(p).toMatch(/USING (COVERING )?INDEX persons_/);
        }
      });
    }
  }
  it('the page reads only the page’s rows by rowid after the index walk', () => {
    const p = plan({ sort: 'name', dir: 'asc' }, false, 'page');
    expect(p).toMatch(/SCAN p USING COVERING INDEX persons_name/);
    expect(p).toMatch(/SEARCH p USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(p).not.toMatch(/SCAN p USING INDEX|SCAN persons/);
  });
  it('filter by company, role or status sorted by name walks the matching index', () => {
    const co = '01900000-0000-7000-8000-000000000000';
    expect(plan({ sort: 'name', dir: 'asc', companyId: co })).toMatch(/INDEX persons_company \(current_company_id=\?\)/);
    expect(plan({ sort: 'name', dir: 'asc', role: 'guard' })).toMatch(/INDEX persons_role \(role=\?\)/);
    expect(plan({ sort: 'name', dir: 'desc', credentialStatus: 'active' })).toMatch(/INDEX persons_status \(credential_status=\?\)/);
    for (const p of [plan({ sort: 'name', dir: 'asc', companyId: co }), plan({ sort: 'name', dir: 'asc', role: 'guard' })]) expect(p).not.toMatch(/TEMP B-TREE/);
  });
});
