/**
 * Version 16: covering indexes for the national statistics, so that each incident figure reads
 * a narrow index instead of the whole incident records (descriptions included).
 */
export const sql = `
CREATE INDEX incidents_stats ON incidents(occurred_at, region, late, types);
CREATE INDEX incidents_id_place ON incidents(id, occurred_at, region);
CREATE INDEX incident_firearms_outcome_place ON incident_firearms(outcome, incident_id, serial_norm);
`;
