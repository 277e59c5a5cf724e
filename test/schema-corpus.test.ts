/**
 * The schema rules on real projects (../shared/corpus/real-configs, never copied into this repository; the
 * suite is skipped where it is absent). Files the official CLI accepts must get no `schema` finding at all;
 * the five legacy files exactly one `legacy-project-file` finding and nothing from `schema` or `unknown-key`.
 * The keys `unknown-key` reports are listed, so a change in what it finds is a visible decision.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import legacyProjectFile from '../rules/config/legacy-project-file.js';
import schema from '../rules/config/schema.js';
import unknownKey from '../rules/config/unknown-key.js';
import { runProjectRules } from '../src/engine.js';
import { loadProject } from '../src/project.js';
import type { Finding } from '../src/types.js';

const CORPUS = path.resolve(__dirname, '..', '..', 'shared', 'corpus', 'real-configs');
const present = fs.existsSync(path.join(CORPUS, 'README.md'));
const rules = [legacyProjectFile, schema, unknownKey];

/** folder → official verdict ('accepted' or 'rejected (legacy shape)'), from the README's table. */
function verdicts(): Map<string, string> {
  const table = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(CORPUS, 'README.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 6 && cells[1].includes('+')) table.set(cells[1], cells[4]);
  }
  return table;
}

/** Project roots (folders holding agentcore/agentcore.json) under a corpus folder. */
function projectRoots(dir: string): string[] {
  const roots: string[] = [];
  const walk = (current: string): void => {
    if (fs.existsSync(path.join(current, 'agentcore', 'agentcore.json'))) roots.push(current);
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(current, entry.name));
    }
  };
  walk(dir);
  return roots;
}

function findingsFor(folder: string): Finding[] {
  return projectRoots(path.join(CORPUS, folder)).flatMap((root) => {
    const load = loadProject(root);
    if (!load.ok) throw new Error(`${folder}: ${load.reason}`);
    return runProjectRules(load.project, rules);
  });
}

/** What unknown-key finds on the corpus today (folder: keys), reviewed by hand: all are real dropped settings. */
const EXPECTED_DROPPED_KEYS: Record<string, string[]> = {
  'OElesin+fpl-rso': ['containerConfig', 'idleTimeout', 'maxLifetime'],
  'andrewwint+okf-four-tools-agent': ['environmentVariables'],
  'aws-samples+sample-AgentCore-make-Claude_Agent_SDK-production_ready': ['memory'],
  'fl65inc+montai-joblib-utils': ['environment'],
};

describe.skipIf(!present)('schema rules on the real-world corpus', () => {
  const table = present ? verdicts() : new Map<string, string>();
  const accepted = [...table].filter(([, v]) => v === 'accepted').map(([f]) => f);
  const legacy = [...table].filter(([, v]) => v.startsWith('rejected')).map(([f]) => f);

  it('has 72 accepted and 5 legacy files', () => {
    expect([accepted.length, legacy.length]).toEqual([72, 5]);
  });

  it.each(accepted)('%s (accepted): no schema finding', (folder) => {
    const schemaFindings = findingsFor(folder).filter((f) => f.ruleId !== 'unknown-key');
    expect(schemaFindings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual([]);
  });

  it.each(legacy)('%s (legacy): exactly one legacy-project-file finding', (folder) => {
    expect(findingsFor(folder).map((f) => f.ruleId)).toEqual(['legacy-project-file']);
  });

  it('unknown-key finds exactly the reviewed dropped keys', () => {
    const found: Record<string, string[]> = {};
    for (const folder of accepted) {
      const keys = findingsFor(folder)
        .filter((f) => f.ruleId === 'unknown-key')
        .map((f) => /^Unknown key "([^"]+)"/.exec(f.message)?.[1] ?? f.message);
      if (keys.length > 0) found[folder] = keys;
    }
    expect(found).toEqual(EXPECTED_DROPPED_KEYS);
  });
});
