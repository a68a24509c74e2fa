import { z } from 'zod';
import { command } from './define.ts';
import { requiredText } from './schemas.ts';
import { COUNTRIES } from '../model/taxId.ts';
import { LANGUAGES } from './session.ts';

export const agencySettings = z.object({
  name: requiredText(200),
  country: z.enum(COUNTRIES),
  language: z.enum(LANGUAGES),
  idleMinutes: z.number().int().min(1, 'validation.idleMinutes').max(240, 'validation.idleMinutes'),
});
export type AgencySettings = z.infer<typeof agencySettings>;

/** Agency settings (administrators) and each user's own preferences (anyone signed in). */
export const settingsCommands = {
  'settings.get': command({ input: z.object({}).default({}), output: agencySettings, access: 'signedIn', kind: 'read' }),
  'settings.update': command({ input: agencySettings, output: agencySettings, access: 'settings.manage', kind: 'write' }),
  /** Per-user UI preferences, e.g. the columns chosen in a table. Values are small JSON. */
  'prefs.get': command({
    input: z.object({ key: z.string().regex(/^[a-zA-Z0-9._-]{1,80}$/) }),
    output: z.object({ value: z.unknown().nullable() }),
    access: 'signedIn',
    kind: 'read',
  }),
  'prefs.set': command({
    input: z.object({ key: z.string().regex(/^[a-zA-Z0-9._-]{1,80}$/), value: z.unknown() }).refine((v) => JSON.stringify(v.value ?? null).length <= 8000, 'validation.tooLong'),
    output: z.object({ ok: z.boolean() }),
    access: 'signedIn',
    kind: 'write',
  }),
};
