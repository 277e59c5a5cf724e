/**
 * The plugin's project cache: a project is loaded once per process and reloaded when agentcore.json changes
 * (as an editor sees it: the user edits agentcore.json, then goes back to the agent code). Also: the
 * `agentcore/config` rule lints the editor's unsaved agentcore.json text, not the file on disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import json from '@eslint/json';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../eslint-plugin/index.js';
import { useTempTrees } from './helpers/cli.js';

const root = useTempTrees()();

const configFile = path.join(root, 'agentcore', 'agentcore.json');
const demoConfig = fs.readFileSync(path.resolve('fixtures/demo-project/agentcore/agentcore.json'), 'utf8');
fs.mkdirSync(path.dirname(configFile), { recursive: true });
fs.mkdirSync(path.join(root, 'app', 'ConciergeAgent'), { recursive: true });
fs.writeFileSync(configFile, demoConfig);

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    plugin.configs.recommended,
    { plugins: { json } },
    plugin.configs.json,
  ],
});
const agentFile = path.join(root, 'app', 'ConciergeAgent', 'memory.ts');
const code = 'export const memoryId = process.env.MEMORY_NOTES_ID;\n';

async function unknownNames(): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: agentFile });
  return result.messages.filter((m) => m.ruleId === 'agentcore/unknown-resource-name').map((m) => `${m.line}:${m.column}`);
}

describe('project cache', () => {
  it('reloads the project when agentcore.json changes', async () => {
    expect(await unknownNames()).toEqual(['1:25']);
    const spec = JSON.parse(demoConfig);
    spec.memories.push({ name: 'Notes', eventExpiryDuration: 30, strategies: [] });
    const withNotes = JSON.stringify(spec, null, 2) + '\n';
    expect(withNotes).not.toBe(demoConfig);
    fs.writeFileSync(configFile, withNotes);
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(configFile, later, later);
    expect(await unknownNames()).toEqual([]);
  });

  it('honours .agentcore-lint.json (rules off, per-path overrides, ignores) and notices when it changes', async () => {
    const settings = path.join(root, '.agentcore-lint.json');
    const code2 = 'export const other = process.env.MEMORY_OTHER_ID;\n';
    const findings = async () => {
      const [result] = await eslint.lintText(code2, { filePath: agentFile });
      return result.messages.filter((m) => m.ruleId === 'agentcore/unknown-resource-name').length;
    };
    expect(await findings()).toBe(1);
    fs.writeFileSync(settings, JSON.stringify({ rules: { 'unknown-resource-name': 'off' } }));
    expect(await findings()).toBe(0);
    fs.writeFileSync(settings, JSON.stringify({ overrides: [{ files: ['app/**'], rules: { 'unknown-resource-name': 'off' } }] }) + ' ');
    expect(await findings()).toBe(0);
    fs.writeFileSync(settings, JSON.stringify({ ignore: ['app/ConciergeAgent/memory.ts'] }) + '  ');
    expect(await findings()).toBe(0);
    fs.rmSync(settings);
    expect(await findings()).toBe(1);
  });

  it('agentcore/config lints the unsaved text of agentcore.json', async () => {
    const saved = fs.readFileSync(configFile, 'utf8');
    const edited = saved.replace('"name": "Notes"', '"name": "Notes", "bogusSetting": 1');
    expect(edited).not.toBe(saved);
    const [result] = await eslint.lintText(edited, { filePath: configFile });
    const unknownKey = result.messages.filter((m) => m.ruleId === 'agentcore/config' && m.message.endsWith('[unknown-key]'));
    expect(unknownKey.some((m) => m.message.includes('bogusSetting'))).toBe(true);
    const [onDisk] = await eslint.lintFiles([configFile]);
    expect(onDisk.messages.some((m) => m.message.includes('bogusSetting'))).toBe(false);
  });
});

describe('agentcore/config on harness.json', () => {
  const harnessDir = useTempTrees()({
    'agentcore/agentcore.json': JSON.stringify({ name: 'Harnessed', version: 1, harnesses: [{ name: 'Bot', path: 'app/Bot' }] }, null, 2),
    'agentcore/aws-targets.json': '[]',
    'app/Bot/harness.json': JSON.stringify({ name: 'Bot', model: { provider: 'bedrock', modelId: 'anthropic.claude-sonnet-4-5' } }, null, 2),
    'tools/other/harness.json': JSON.stringify({ anything: true }),
  });
  const harnessEslint = new ESLint({ cwd: harnessDir, overrideConfigFile: true, overrideConfig: [{ plugins: { json } }, plugin.configs.json] });
  const harnessFile = path.join(harnessDir, 'app', 'Bot', 'harness.json');

  it('lints the unsaved text of a harness.json the project reads, and no other harness.json', async () => {
    const saved = fs.readFileSync(harnessFile, 'utf8');
    const [onDisk] = await harnessEslint.lintFiles([harnessFile]);
    expect(onDisk.messages).toEqual([]);
    const edited = saved.replace('"name": "Bot"', '"name": "Bot", "bogusSetting": 1');
    const [unsaved] = await harnessEslint.lintText(edited, { filePath: harnessFile });
    expect(unsaved.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
      expect.stringMatching(/^2:18 .*bogusSetting.*\[unknown-key\]$/),
    ]);
    // Another tool's file that happens to be called harness.json, in the same project.
    const [unrelated] = await harnessEslint.lintFiles([path.join(harnessDir, 'tools', 'other', 'harness.json')]);
    expect(unrelated.messages).toEqual([]);
  });
});
