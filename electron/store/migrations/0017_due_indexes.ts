/**
 * Version 17: indexes for the Due view at national scale. Each source pages in `(due date, id)`
 * order, so its partial index carries the id too: the first page walks the index and stops,
 * instead of sorting a whole 90-day window of credentials. Health certificates get a partial index
 * with the same live-status condition as their source. The person indexes also carry the status:
 * SQLite only counts from an index alone (covering) when every column the query names is in it.
 * The superseded date-only indexes go.
 */
export const sql = `
DROP INDEX persons_due_credential;
CREATE INDEX persons_due_credential_id ON persons(credential_expires_on, id, credential_status)
  WHERE credential_expires_on IS NOT NULL AND credential_status IN ('credentialed','active','inactive','suspended');
CREATE INDEX persons_due_health ON persons(health_cert_expiry, id, credential_status)
  WHERE health_cert_expiry IS NOT NULL AND credential_status IN ('vetting','credentialed','active','inactive','suspended');
DROP INDEX licences_expiry;
CREATE INDEX licences_due_expiry ON licences(expires_on, id) WHERE state = 'active';
DROP INDEX sanctions_appeal;
CREATE INDEX sanctions_due_appeal ON sanctions(appeal_deadline, id) WHERE state = 'appeal_window';
DROP INDEX companies_guarantee_expiry;
CREATE INDEX companies_due_guarantee ON companies(guarantee_expiry, id) WHERE guarantee_expiry IS NOT NULL;
DROP INDEX companies_insurance_expiry;
CREATE INDEX companies_due_insurance ON companies(insurance_expiry, id) WHERE insurance_expiry IS NOT NULL;
`;
