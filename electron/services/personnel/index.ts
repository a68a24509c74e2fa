/**
 * What other areas may use from personnel (sanctions, firearms, returns, the Due view).
 * Import from here, not from the files behind it, so those can move.
 */
export { applyCredentialTransition, applyCredentialTransitionInDb, credentialValidOn, qualifiedFor, vettingProblem, localDate, type CredentialTransitionInput } from './credentials.ts';
export { loadPerson, loadPersonRow, currentEmployment } from './persons.repo.ts';
export { readPersonnelSettings } from './personnel.settings.ts';
