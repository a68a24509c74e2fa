/**
 * Version 11: licensing, second step. Licence numbers now come from the shared counters in
 * `number_sequences` (electron/store/sequences.ts, one counter per pattern); the old
 * per-licensing counter table goes (numbers already issued stay unique: the allocator skips
 * any number a licence holds). The Due view reads credential expiries of live credentials by
 * date, so they get a partial index.
 */
export const sql = `
DROP TABLE licence_number_seq;
CREATE INDEX persons_due_credential ON persons(credential_expires_on)
  WHERE credential_expires_on IS NOT NULL AND credential_status IN ('credentialed','active','inactive','suspended');
`;
