export { FirearmsArea } from './FirearmsArea.tsx';
