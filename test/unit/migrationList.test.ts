import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/store/migrations/index.ts';

/** A migration listed twice fails every new workspace ("table already exists"): caught here, not at a user's first run. */
describe('migration list', () => {
  it('lists each version once', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions.filter((v, i) => versions.indexOf(v) !== i)).toEqual([]);
    expect(versions).toContain(6);
    expect(versions).toContain(19);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });
});
