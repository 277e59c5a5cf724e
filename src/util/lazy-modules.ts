/**
 * Dependencies most runs never need, loaded on first use: `yaml` (about 70 modules; only for starter-toolkit
 * projects and YAML OpenAPI specs) and `fast-glob` (about 50 with its dependencies; only outside git and for loose
 * folders). Importing them eagerly cost every pre-commit run tens of milliseconds.
 */
import { createRequire } from 'node:module';
import type FastGlob from 'fast-glob';

const require = createRequire(import.meta.url);

let yaml: typeof import('yaml') | undefined;
let fastGlob: typeof FastGlob | undefined;

export function parseYaml(text: string, options?: import('yaml').ParseOptions & import('yaml').DocumentOptions & import('yaml').SchemaOptions & import('yaml').ToJSOptions): unknown {
  yaml ??= require('yaml') as typeof import('yaml');
  return yaml.parse(text, options);
}

/** The `yaml` package itself, loaded on first use (for parsing with positions: src/json/yaml-document.ts). */
export function yamlModule(): typeof import('yaml') {
  return (yaml ??= require('yaml') as typeof import('yaml'));
}

export function globSync(patterns: string | string[], options: FastGlob.Options): string[] {
  fastGlob ??= require('fast-glob') as typeof FastGlob;
  return fastGlob.sync(patterns, options);
}
