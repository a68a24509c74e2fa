/** The signed-in user's own account: details and password change (also the forced first change). */
export { AccountPage, ForcedPasswordChange } from './AccountPage.tsx';
