/** User administration (permission users.manage). */
export { UsersPage } from './UsersPage.tsx';
