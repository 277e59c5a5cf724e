// ProjectSources: a whole-project run keeps each source file's digests, not its facts (src/source/project-sources.ts).
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_RULE_ID } from '../src/engine.js';
import { lint } from '../src/lint.js';
import { loadProject } from '../src/project.js';
import type { SourceDigest } from '../src/rule.js';
import { prepareAdapters } from '../src/source/adapters.js';
import { scanProjectSources } from '../src/source/discover.js';
import { projectSources } from '../src/source/project-sources.js';

const DEMO = path.resolve(__dirname, '..', 'fixtures', 'demo-project');

function demoSources() {
  const load = loadProject(DEMO);
  if (!load.ok) throw new Error(load.reason);
  scanProjectSources(load.project, { ignored: () => false, complete: true });
  const sources = projectSources(load.project);
  if (!sources) throw new Error('no sources attached');
  return sources;
}

describe('ProjectSources digests and release', () => {
  const callCount: SourceDigest<number> = { of: (facts) => facts.calls.length };

  it('keeps a digest after the facts are released, and refuses to hand out released facts', async () => {
    const sources = demoSources();
    const file = path.join(DEMO, 'app', 'TravelAgent', 'main.py');
    await prepareAdapters([file]);
    const calls = sources.facts(file)!.calls.length;
    expect(calls).toBeGreaterThan(0);
    expect(sources.digest(file, callCount)).toBe(calls);
    sources.release(file);
    expect(sources.parsed(file)).toBe(false);
    expect(sources.digest(file, callCount)).toBe(calls);
    // A second parse would be silent waste: asking for released facts is a bug in the engine or a rule.
    expect(() => sources.facts(file)).toThrow(/released/);
  });

  it('computes a digest on demand, parsing the file once (as the ESLint plugin does on agentcore.json)', async () => {
    const sources = demoSources();
    const file = path.join(DEMO, 'app', 'TravelAgent', 'main.py');
    await prepareAdapters([file]);
    expect(sources.parsed(file)).toBe(false);
    const calls = sources.digest(file, callCount);
    expect(sources.parsed(file)).toBe(true);
    expect(calls).toBe(sources.facts(file)!.calls.length);
  });

  it('a digest of an unreadable file is undefined', () => {
    const sources = demoSources();
    expect(sources.digest(path.join(DEMO, 'app', 'missing.py'), callCount)).toBeUndefined();
  });

  it('a whole-project lint releases every file and still runs the digest-based project rule (AC055)', async () => {
    const project = path.resolve(__dirname, '..', 'fixtures', 'rules', 'gateway-url-unread', 'invalid-python-agent-before-gateway');
    const result = await lint({ paths: [project] });
    expect(result.findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID)).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'gateway-url-unread')).toHaveLength(1);
  });
});
