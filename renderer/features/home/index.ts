/** The home screen (landing page after sign-in) and its list of cards. */
export { HomePage } from './HomePage.tsx';
export { HOME_CARDS, type HomeCardGroup } from './cards.tsx';
