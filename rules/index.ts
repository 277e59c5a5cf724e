/**
 * Every rule, in the order they run. Add a rule by importing its file here; `test/rules-registry.test.ts`
 * checks ids and codes are unique and that each rule has fixtures and generated docs.
 */
import type { ProjectRule } from '../src/rule.js';
import jsonSyntax from './config/json-syntax.js';
import unreadableFile from './config/unreadable-file.js';

export const projectRules: ProjectRule[] = [
  jsonSyntax,
  unreadableFile,
];
