/**
 * `agentcore-lint [options] [paths...]`. Exit codes: 0 no errors; 1 errors, or more warnings than
 * --max-warnings; 2 usage or configuration error; 3 internal failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRules } from '../rules/index.js';
import { BaselineError, createBaseline, filterByBaseline, pruneBaseline, readBaseline, writeBaseline } from './baseline.js';
import { ConfigError } from './config.js';
import { applyFixes } from './fix.js';
import { INTERNAL_ERROR_RULE_ID } from './engine.js';
import { formatters } from './formatters/index.js';
import { lint, UsageError } from './lint.js';
import { packageRoot } from './util/package-root.js';
import type { Finding } from './types.js';
import { makeFolder } from './util/make-folder.js';
import { limitHeapGrowth } from './util/heap.js';

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Whether stdout is a terminal that understands colour. */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

const HELP = `Usage: agentcore-lint [options] [paths...]

Lints Amazon Bedrock AgentCore projects: agentcore/agentcore.json and the files it references.
A path may be a project folder, any file or folder inside a project, or an agentcore.json;
a folder in no project (a monorepo's root) lints every project below it.
With no path, the project containing the current directory is linted (or the projects below it).

Options:
  -f, --format <name>       Output format: ${Object.keys(formatters).join(', ')} (default: stylish)
  -o, --output-file <path>  Write the report to a file instead of stdout
  --max-warnings <n>        Exit with 1 when there are more than n warnings
  --quiet                   Report errors only
  --no-inline-suppressions  Ignore agentcore-lint-disable comments (audits)
  --fix                     Apply safe fixes (trailing commas, BOMs, .env.local in .gitignore), then report the rest
  --baseline <file>         Report only findings that are not in this baseline
  --baseline-write <file>   Record every current finding in a baseline file, report nothing, exit 0
  --baseline-prune          With --baseline: drop entries that no longer occur and rewrite the file
  --cache                   Keep parsed source facts and Cedar answers between runs: unchanged files and
                            policies are not parsed or validated again (in node_modules/.cache/agentcore-lint
                            at the repository root)
  --cache-location <dir>    With --cache: keep the cache in this folder instead
  --list-rules              List every rule with its default severity
  --debug                   Show stack traces for internal errors
  -v, --version             Print the version
  -h, --help                Show this help

Commands:
  cedar-schema --gateway NAME [path]   Print the Cedar schema AgentCore derives for a gateway
  policy-test CASES.json               Evaluate authorization cases against the project's policies

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or configuration error, 3 internal failure.
Configuration: .agentcore-lint.json at the project or repository root (see README).`;

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  limitHeapGrowth();
  if (argv[0] === 'cedar-schema' || argv[0] === 'policy-test') {
    const command = argv[0];
    try {
      return command === 'cedar-schema'
        ? (await import('./commands/cedar-schema.js')).cedarSchemaCommand(argv.slice(1), io)
        : (await import('./commands/policy-test.js')).policyTestCommand(argv.slice(1), io);
    } catch (error) {
      // The subcommands report what they expect; anything else is ours, and still no stack trace.
      io.stderr(`agentcore-lint ${command}: internal error: ${(error as Error).message}\n`);
      return EXIT.internal;
    }
  }
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.stderr(`agentcore-lint: ${(error as Error).message}\nRun agentcore-lint --help for usage.\n`);
    return EXIT.usage;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout(HELP + '\n');
    return EXIT.ok;
  }
  if (values.version) {
    io.stdout(readVersion() + '\n');
    return EXIT.ok;
  }
  if (values['list-rules']) {
    io.stdout(listRules());
    return EXIT.ok;
  }
  const format = values.format ?? 'stylish';
  const formatter = formatters[format];
  if (!formatter) {
    io.stderr(`agentcore-lint: unknown format "${format}"; use one of: ${Object.keys(formatters).join(', ')}.\n`);
    return EXIT.usage;
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      io.stderr(`agentcore-lint: --max-warnings takes a whole number, got "${values['max-warnings']}".\n`);
      return EXIT.usage;
    }
  }

  if (values['cache-location'] !== undefined && !values.cache) {
    io.stderr('agentcore-lint: --cache-location needs --cache.\n');
    return EXIT.usage;
  }

  let findings: Finding[];
  try {
    const options = {
      paths: positionals,
      cwd: io.cwd,
      debug: values.debug,
      inlineSuppressions: !values['no-inline-suppressions'],
      cache: values.cache ? { location: values['cache-location'] } : undefined,
    };
    let result = await lint(options);
    if (values.fix) {
      // Fixes can uncover more (the next trailing comma): re-lint after each pass, a few passes at most.
      const fixed = { files: new Set<string>(), edits: 0 };
      const unwritable = new Map<string, string>();
      for (let pass = 0; pass < 5; pass++) {
        const applied = applyFixes(result.findings);
        for (const { file, reason } of applied.failed) unwritable.set(file, reason);
        if (applied.edits === 0) break;
        fixed.edits += applied.edits;
        for (const file of applied.files) fixed.files.add(file);
        result = await lint(options);
      }
      if (fixed.edits > 0) io.stderr(`agentcore-lint: fixed ${fixed.edits} problem(s) in ${fixed.files.size} file(s).\n`);
      for (const [file, reason] of unwritable) {
        io.stderr(`agentcore-lint: could not write the fixes of ${path.relative(io.cwd, file) || file} (${reason}); it was left as it was.\n`);
      }
    }
    findings = result.findings;
    for (const note of result.notes) io.stderr(`agentcore-lint: note: ${note}\n`);
    if (values.debug && result.cache) {
      const { location, hits, misses, cedarAnswers, written } = result.cache;
      io.stderr(
        `agentcore-lint: cache: ${hits} file(s) from the cache, ${misses} parsed, ${cedarAnswers} Cedar answer(s) from the cache, ` +
          `${written} entr${written === 1 ? 'y' : 'ies'} written (${location})\n`,
      );
    }
    const baselined = applyBaselineOptions(values, findings, io);
    if (baselined === 'written') return EXIT.ok;
    findings = baselined;
  } catch (error) {
    if (error instanceof BaselineError) {
      io.stderr(`agentcore-lint: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`agentcore-lint: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      io.stderr(`agentcore-lint: ${error.describe(io.cwd)}\n`);
      return EXIT.usage;
    }
    io.stderr(`agentcore-lint: internal error: ${(error as Error).message}\n${values.debug ? (error as Error).stack + '\n' : 'Run with --debug for details.\n'}`);
    return EXIT.internal;
  }

  const shown = values.quiet ? findings.filter((f) => f.severity === 'error') : findings;
  const outputFile = values['output-file'];
  const color = !outputFile && io.isTTY && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
  const output = formatter(shown, {
    cwd: io.cwd,
    color,
    rules: projectRules.map((r) => r.meta),
    version: readVersion(),
    notify: (message) => io.stderr(`agentcore-lint: ${message}\n`),
  });
  if (outputFile) {
    const target = path.resolve(io.cwd, outputFile);
    try {
      makeFolder(path.dirname(target));
      fs.writeFileSync(target, output);
    } catch (error) {
      io.stderr(`agentcore-lint: cannot write ${outputFile}: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
  } else if (output) {
    io.stdout(output.endsWith('\n') ? output : output + '\n');
  }

  if (findings.some((f) => f.ruleId === INTERNAL_ERROR_RULE_ID)) return EXIT.internal;
  if (findings.some((f) => f.severity === 'error')) return EXIT.findings;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`agentcore-lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/**
 * --baseline-write records the findings (crashes excepted) and ends the run; --baseline keeps only findings the
 * baseline does not cover, after --baseline-prune has rewritten it without entries that no longer occur.
 */
function applyBaselineOptions(
  values: { baseline?: string; 'baseline-write'?: string; 'baseline-prune'?: boolean },
  findings: Finding[],
  io: CliIO,
): Finding[] | 'written' {
  const recordable = findings.filter((f) => f.ruleId !== INTERNAL_ERROR_RULE_ID);
  const writeTo = values['baseline-write'];
  if (writeTo) {
    const file = path.resolve(io.cwd, writeTo);
    writeBaseline(file, createBaseline(recordable, file));
    io.stderr(`agentcore-lint: wrote ${recordable.length} findings to the baseline ${writeTo}.\n`);
    return 'written';
  }
  if (values['baseline-prune'] && !values.baseline) throw new BaselineError('--baseline-prune needs --baseline <file>');
  if (!values.baseline) return findings;
  const file = path.resolve(io.cwd, values.baseline);
  let baseline = readBaseline(file);
  if (values['baseline-prune']) {
    baseline = pruneBaseline(recordable, baseline, file);
    writeBaseline(file, baseline);
  }
  const fresh = filterByBaseline(findings, baseline, file);
  const hidden = findings.length - fresh.length;
  if (hidden > 0) io.stderr(`agentcore-lint: note: ${hidden} finding(s) in the baseline ${values.baseline} were not reported.\n`);
  return fresh;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      'output-file': { type: 'string', short: 'o' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean' },
      'no-inline-suppressions': { type: 'boolean' },
      fix: { type: 'boolean' },
      baseline: { type: 'string' },
      'baseline-write': { type: 'string' },
      'baseline-prune': { type: 'boolean' },
      cache: { type: 'boolean' },
      'cache-location': { type: 'string' },
      'list-rules': { type: 'boolean' },
      debug: { type: 'boolean' },
      version: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function listRules(): string {
  const rows = [...projectRules]
    .sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))
    .map((r) => [r.meta.id, r.meta.code, r.meta.defaultSeverity, r.meta.description]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ')).join('\n') + '\n';
}

function readVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * A reader that stops early (`agentcore-lint --format json . | head`) closes the pipe. Writing on is pointless,
 * and Node would otherwise die on the EPIPE with a stack trace: stop writing quietly, as grep and git do, and
 * exit with the lint's own status.
 */
function ignoreClosedStdout(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

function processIO(): CliIO {
  ignoreClosedStdout();
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}
