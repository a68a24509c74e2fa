/**
 * Version 19: the people of an incident or a grievance, linked to the personnel register. The
 * free-text names stay on `incidents.personnel_involved` / `grievances.personnel_concerned` (a
 * guard the register does not know, an unlicensed one, is still named there); these tables hold
 * the registered persons, in the order the officer gave them. Indexed by person, so a guard's page
 * finds every incident and grievance about them without reading the whole table. A person with
 * links cannot be deleted (no cascade on the person side); deleting an incident or grievance takes
 * its links with it.
 */
export const sql = `
CREATE TABLE incident_persons (
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES persons(id),
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  PRIMARY KEY (incident_id, person_id)
) STRICT;
CREATE INDEX incident_persons_person ON incident_persons(person_id, incident_id);

CREATE TABLE grievance_persons (
  grievance_id TEXT NOT NULL REFERENCES grievances(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES persons(id),
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  PRIMARY KEY (grievance_id, person_id)
) STRICT;
CREATE INDEX grievance_persons_person ON grievance_persons(person_id, grievance_id);
`;
