/** The Due view ("Vencimientos"). */
export { DuePage, dueLink } from './DuePage.tsx';
