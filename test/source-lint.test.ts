/**
 * Source rules through lint(): whole projects, files named on the command line (with the project's roles),
 * starter-toolkit folders without agentcore.json, and .agentcore-lint.json ignores.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';
import { useTempTrees } from './helpers/cli.js';

const tree = useTempTrees();

const DIRECT = 'import requests\n\n\ndef forecast():\n    return requests.get("https://api.weather.example.com/v1").json()\n';
const AGENT = 'from strands import Agent\n\nagent = Agent()\n';

const PROJECT = {
  'agentcore/agentcore.json': JSON.stringify({
    name: 'Dot', version: 1,
    runtimes: [{ name: 'A', build: 'CodeZip', entrypoint: 'main.py', codeLocation: '.', protocol: 'HTTP' }],
    agentCoreGateways: [{ name: 'tools', authorizerType: 'AWS_IAM', targets: [] }],
  }),
  'agentcore/aws-targets.json': '[]\n',
  'main.py': AGENT + DIRECT,
  'lambdas/weather.py': DIRECT + '\n\ndef lambda_handler(event, context):\n    return forecast()\n',
  'generated/client.py': DIRECT,
  '.agentcore-lint.json': JSON.stringify({ ignore: ['generated/**'] }),
};

const ids = (findings: Array<{ ruleId: string; file: string }>, root: string) =>
  findings.map((f) => `${path.relative(root, f.file).split(path.sep).join('/')} ${f.ruleId}`).sort();

describe('source rules through lint()', () => {
  it('lints a whole project: discovered files with roles, ignores honoured, project-level AC055', async () => {
    const root = tree(PROJECT);
    const result = await lint({ paths: [root] });
    expect(ids(result.findings, root)).toEqual(['agentcore/agentcore.json gateway-url-unread', 'main.py direct-http-call']);
  });

  it('lints only the named files, with roles from the project', async () => {
    const root = tree(PROJECT);
    const lambda = await lint({ paths: [path.join(root, 'lambdas', 'weather.py')] });
    expect(lambda.findings).toEqual([]);
    const main = await lint({ paths: [path.join(root, 'main.py')] });
    expect(ids(main.findings, root)).toEqual(['main.py direct-http-call']);
    // AC055 needs every runtime file parsed: it runs when the whole project is linted, not for named files (a
    // staged agentcore.json stays fast in pre-commit).
    const both = await lint({ paths: [path.join(root, 'main.py'), path.join(root, 'agentcore', 'agentcore.json')] });
    expect(ids(both.findings, root)).toEqual(['main.py direct-http-call']);
    const whole = await lint({ paths: [root] });
    expect(ids(whole.findings, root)).toEqual(['agentcore/agentcore.json gateway-url-unread', 'main.py direct-http-call']);
  });

  it('scans a starter-toolkit project (.bedrock_agentcore.yaml, no agentcore.json): agents are agent code', async () => {
    const root = tree({
      '.bedrock_agentcore.yaml': 'default_agent: a\nagents:\n  a:\n    name: a\n    entrypoint: agent/app.py\n',
      'agent/app.py': DIRECT,
      'scripts/sync.py': DIRECT,
    });
    const result = await lint({ paths: [root] });
    expect(ids(result.findings, root)).toEqual(['agent/app.py direct-http-call']);
  });
});

describe('syntax errors', () => {
  it('are summarised in one located note, and what parsed is still checked', async () => {
    const root = tree({
      ...PROJECT,
      'broken.py': `import requests\n\ndef broken(:\n    pass\n\nrequests.get("https://api.example.com/x")\n`,
    });
    const result = await lint({ paths: [root], cwd: root });
    expect(result.notes.filter((n) => n.startsWith('Syntax errors'))).toEqual([
      expect.stringMatching(/^Syntax errors in 1 source file; source rules checked what the parser recovered: broken\.py:3:\d+ /),
    ]);
    expect(ids(result.findings, root)).toContain('broken.py direct-http-call');
  });

  it('lists each file once, without the full stop of a TypeScript message before the separator', async () => {
    const root = tree({ ...PROJECT, 'broken.py': 'def f(:\n    pass\n', 'broken.ts': 'const a = (1,;\n' });
    const result = await lint({ paths: [root], cwd: root });
    expect(result.notes.filter((n) => n.startsWith('Syntax errors'))).toEqual([
      "Syntax errors in 2 source files; source rules checked what the parser recovered: broken.py:1:7 Python syntax error: missing ')'; broken.ts:1:14 Expression expected.",
    ]);
  });
});
