/**
 * eslint-plugin-agentcore: agentcore-lint's source rules for TS/JS files and its agentcore.json and harness.json
 * checks, in ESLint 9 and 10 flat config. One implementation, two front ends: every rule here runs agentcore-lint's
 * own rule code.
 *
 * The plugin object is deliberately NOT annotated as ESLint's `ESLint.Plugin`: under ESLint 10 that type rejects
 * typescript-eslint rules (their RuleContext still declares `parserOptions` and other members ESLint 10 dropped).
 */
import { createRequire } from 'node:module';
import { projectRules } from '../../dist/rules/index.js';
import type { ProjectRule } from '../../dist/src/rule.js';
import { configRule } from './config-rule.js';
import { eslintRuleFor, SCRIPT_EXTENSIONS, suppressionDirectiveRule } from './rules.js';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };

/** agentcore-lint's source rules with a file check for TS/JS (the rules the CLI runs on .ts/.js files). */
export const sourceRules: ProjectRule[] = projectRules.filter(
  (rule) => rule.meta.category === 'source' && rule.files?.extensions.some((e) => SCRIPT_EXTENSIONS.includes(e)),
);

/** The CLI's report on inline `agentcore-lint-disable-…` directives (the engine reports it; it has no check). */
const suppressionDirective = projectRules.find((rule) => rule.meta.id === 'suppression-directive');

const rules = {
  ...Object.fromEntries(sourceRules.map((rule) => [rule.meta.id, eslintRuleFor(rule)])),
  ...(suppressionDirective ? { [suppressionDirective.meta.id]: suppressionDirectiveRule(suppressionDirective) } : {}),
  config: configRule,
};

/** Every agentcore-lint rule a TS/JS file gets in ESLint, with the CLI's default severity. */
const scriptRules = suppressionDirective ? [...sourceRules, suppressionDirective] : sourceRules;

/** The TS/JS files the source rules apply to, as flat-config globs. */
export const SCRIPT_FILES = [`**/*.{${SCRIPT_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`];
export const CONFIG_FILES = ['**/agentcore/agentcore.json', '**/harness.json'];

type Severity = 'error' | 'warn';

interface FlatConfig {
  name: string;
  files: string[];
  language?: string;
  plugins: Record<string, unknown>;
  rules: Record<string, Severity>;
}

const plugin = {
  meta: { name: 'eslint-plugin-agentcore', version },
  rules,
  configs: {} as { recommended: FlatConfig; json: FlatConfig },
};

plugin.configs.recommended = {
  name: 'agentcore/recommended',
  files: SCRIPT_FILES,
  plugins: { agentcore: plugin },
  rules: Object.fromEntries(
    scriptRules.map((rule): [string, Severity] => [`agentcore/${rule.meta.id}`, rule.meta.defaultSeverity === 'error' ? 'error' : 'warn']),
  ),
};

/** agentcore.json and harness.json with `@eslint/json`: register that plugin as `json` too (see README). */
plugin.configs.json = {
  name: 'agentcore/json',
  files: CONFIG_FILES,
  language: 'json/json',
  plugins: { agentcore: plugin },
  rules: { 'agentcore/config': 'error' },
};

export default plugin;
