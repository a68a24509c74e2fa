/** First run: workspace or demo creation, then the one-time recovery key. */
export { SetupScreen } from './SetupScreen.tsx';
export type { Created } from './SetupScreen.tsx';
export { RecoveryKeyScreen } from './RecoveryKeyScreen.tsx';
