// eslint-plugin-agentcore: a thin layer over agentcore-lint's rules (one implementation, two front ends).
// Skeleton: the source rules (secrets, direct calls, gateway-URL guards) are exposed here once they exist.
// Exported without an `ESLint.Plugin` type annotation on purpose: that type does not accept
// typescript-eslint rules under ESLint 10.

const plugin = {
  meta: { name: 'eslint-plugin-agentcore', version: '0.1.0' },
  rules: {},
  configs: {},
};

plugin.configs.recommended = {
  name: 'agentcore/recommended',
  plugins: { agentcore: plugin },
  rules: {},
};

export default plugin;
