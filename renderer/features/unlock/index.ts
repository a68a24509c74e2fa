/** The unlock screen and password recovery with the printed key. */
export { UnlockScreen } from './UnlockScreen.tsx';
