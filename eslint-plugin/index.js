// eslint-plugin-agentcore: compiled from src/ by `npm run build` (eslint-plugin/tsconfig.json) into dist/.
// Exported without an `ESLint.Plugin` type annotation on purpose: that type does not accept
// typescript-eslint rules under ESLint 10.
export { default } from './dist/index.js';
export * from './dist/index.js';
