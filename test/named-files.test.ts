/**
 * A named-file run (pre-commit) skips work whose findings it would drop: policies whose text is elsewhere, schema
 * validation of an unnamed agentcore.json, files the project references but nobody named. That must never change
 * what it reports: for every fixture project, linting one file gives exactly the findings the whole-project run
 * gives in that file (except `gateway-url-unread`, documented to need every source file, so whole-project runs only).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';
import type { Finding } from '../src/types.js';
import { MINIMAL_CONFIG, ROOT, useTempTrees } from './helpers/cli.js';

const WHOLE_PROJECT_ONLY = new Set(['gateway-url-unread']);

function projects(): string[] {
  const rules = path.join(ROOT, 'fixtures', 'rules');
  const cases = fs.readdirSync(rules).flatMap((rule) => fs.readdirSync(path.join(rules, rule)).map((c) => path.join(rules, rule, c)));
  return [...cases.filter((dir) => fs.existsSync(path.join(dir, 'agentcore', 'agentcore.json'))), path.join(ROOT, 'fixtures', 'demo-project')];
}

const key = (f: Finding): string => JSON.stringify([f.ruleId, f.file, f.range, f.message, f.severity]);

describe('a named file gets the findings the whole-project run gives it', () => {
  it.each(projects().map((dir) => [path.relative(ROOT, dir), dir]))('%s', async (_name, dir) => {
    const whole = (await lint({ paths: [dir], cwd: dir })).findings.filter((f) => !WHOLE_PROJECT_ONLY.has(f.ruleId));
    // Every file with a finding, plus agentcore.json and every policy file (where skipped work could hide one).
    const files = new Set(whole.map((f) => f.file));
    files.add(path.join(dir, 'agentcore', 'agentcore.json'));
    for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.cedar')) files.add(path.join(dir, file));
    }
    for (const file of [...files].filter((f) => fs.existsSync(f) && fs.statSync(f).isFile())) {
      const named = (await lint({ paths: [file], cwd: dir })).findings;
      expect(named.map(key).sort(), path.relative(dir, file)).toEqual(whole.filter((f) => f.file === file).map(key).sort());
    }
  });
});

describe('a named dotenv file (pre-commit passes staged ones)', () => {
  const tree = useTempTrees();
  const SECRET_ENV = 'WEATHER_API_KEY=wk_9fK2mQ7xL4pR8sT1vB6nC3dZ\n';

  function repo(gitignore: string): string {
    const dir = tree({ 'agentcore/agentcore.json': MINIMAL_CONFIG, 'app/.env': SECRET_ENV, '.gitignore': gitignore });
    expect(spawnSync('git', ['init', '-q'], { cwd: dir }).status).toBe(0);
    return dir;
  }

  it('is checked for secrets when git does not ignore it', async () => {
    const dir = repo('node_modules/\n');
    const named = (await lint({ paths: [path.join(dir, 'app', '.env')], cwd: dir })).findings;
    expect(named.map((f) => [f.ruleId, f.range.start.line])).toEqual([['no-inline-secrets', 1]]);
  });

  it('is left alone when git ignores it, as in a whole-project run', async () => {
    const dir = repo('.env\n');
    expect((await lint({ paths: [path.join(dir, 'app', '.env')], cwd: dir })).findings).toEqual([]);
    expect((await lint({ paths: [dir], cwd: dir })).findings.filter((f) => f.file.endsWith('.env'))).toEqual([]);
  });
});

describe('a folder above several projects (a monorepo root)', () => {
  const tree = useTempTrees();
  const CONFIG = (name: string): string => JSON.stringify({
    name, version: 1,
    runtimes: [{
      name: 'Agent', build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/Agent/', runtimeVersion: 'PYTHON_3_12', protocol: 'HTTP',
      envVars: [{ name: 'OPENAI_API_KEY', value: ['sk', 'proj', 'Zr8Kq2Lm5Vx9Tb3Nw7Yc1Hd4Fg6Js0PaQ1xyZr8Kq2Lm5'].join('-') }],
    }],
  });
  const DIRECT = 'import requests\nrequests.get("https://api.example.com/x")\n';

  function monorepo(): string {
    return tree({
      'one/agentcore/agentcore.json': CONFIG('One'), 'one/agentcore/aws-targets.json': '[]', 'one/app/Agent/main.py': DIRECT,
      'services/two/agentcore/agentcore.json': CONFIG('Two'), 'services/two/agentcore/aws-targets.json': '[]', 'services/two/app/Agent/main.py': DIRECT,
      'shared/sync.py': DIRECT,
      // A dependency's template is not a project of the repository.
      'node_modules/pkg/template/agentcore/agentcore.json': '{ "name": "Template", "version": 1, ',
    });
  }

  const summary = (dir: string, findings: Finding[]): string[] =>
    findings.map((f) => `${path.relative(dir, f.file).split(path.sep).join('/')} ${f.ruleId}`).sort();

  it('lints each project below it whole, and the files outside them without a project', async () => {
    const dir = monorepo();
    const result = await lint({ paths: [dir], cwd: dir });
    expect(result.projects).toEqual([path.join(dir, 'one'), path.join(dir, 'services', 'two')]);
    expect(summary(dir, result.findings)).toEqual([
      'one/agentcore/agentcore.json no-secrets-in-env-vars',
      'one/app/Agent/main.py direct-http-call',
      'services/two/agentcore/agentcore.json no-secrets-in-env-vars',
      'services/two/app/Agent/main.py direct-http-call',
      'shared/sync.py direct-http-call',
    ]);
    expect(result.notes.filter((n) => n.startsWith('No agentcore/agentcore.json'))).toEqual([]);
  });

  it('does the same when run there with no path', async () => {
    const dir = monorepo();
    const named = await lint({ paths: [dir], cwd: dir });
    const implicit = await lint({ paths: [], cwd: dir });
    expect(implicit.projects).toEqual(named.projects);
    expect(summary(dir, implicit.findings)).toEqual(summary(dir, named.findings));
  });
});
