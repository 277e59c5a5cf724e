#!/usr/bin/env node
// Accuracy of the source rules (AC050–AC055) on code we did not write, run by hand (not part of `npm test`):
//
//   npm run build && node bench/accuracy/run.mjs [--keep] [--json] [--seed <n>]
//
// 1. Templates: `npm pack @aws/agentcore@0.30.0` into a temporary folder, copy its agent templates
//    (dist/assets/python/**, dist/assets/typescript/**, as shipped, Handlebars tags included) into a temporary
//    AgentCore project with one runtime per template folder (protocol from the folder: http/mcp/a2a/agui), lint it,
//    and list every source-rule finding. Expected: no error findings unless a real problem can be shown.
// 2. Secrets: a labelled set of realistic positives and near-miss negatives per credential format, generated at run
//    time from the providers' documented formats (prefix, alphabet, length) with a seeded PRNG, each sample in its own
//    Python and TypeScript file; precision and recall of no-inline-secrets (AC050) over them.
//
// Nothing third-party and no secret-shaped literal is committed: the package is unpacked into os.tmpdir() and
// removed afterwards (unless --keep), and every credential-shaped value below is assembled from pieces at run time.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { lint } = await import(path.join(ROOT, 'dist', 'src', 'lint.js'));
const { projectRules } = await import(path.join(ROOT, 'dist', 'rules', 'index.js'));

const PACKAGE = '@aws/agentcore@0.30.0';
const SOURCE_RULES = new Set(projectRules.filter((r) => r.meta.category === 'source').map((r) => r.meta.id));
const keep = process.argv.includes('--keep');
const asJson = process.argv.includes('--json');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'agentcore-lint-accuracy-'));

// ---------------------------------------------------------------------------------------------------------------
// 1. The AgentCore CLI's agent templates

async function templatesBench() {
  const packDir = path.join(work, 'pack');
  fs.mkdirSync(packDir);
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', packDir], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', path.join(packDir, tarball), '-C', packDir]);
  const assets = path.join(packDir, 'package', 'dist', 'assets');

  const project = path.join(work, 'templates-project');
  const runtimes = [];
  const protocols = { http: 'HTTP', mcp: 'MCP', a2a: 'A2A', agui: 'AGUI' };
  for (const language of ['python', 'typescript']) {
    const languageDir = path.join(assets, language);
    if (!fs.existsSync(languageDir)) continue;
    for (const protocol of fs.readdirSync(languageDir)) {
      const protocolDir = path.join(languageDir, protocol);
      if (!fs.statSync(protocolDir).isDirectory()) continue;
      for (const framework of fs.readdirSync(protocolDir)) {
        for (const part of fs.readdirSync(path.join(protocolDir, framework))) {
          const from = path.join(protocolDir, framework, part);
          if (!fs.statSync(from).isDirectory()) continue;
          const name = `${language === 'python' ? 'Py' : 'Ts'}_${protocol}_${framework}_${part}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 48);
          const codeLocation = `app/${name}/`;
          fs.cpSync(from, path.join(project, codeLocation), { recursive: true });
          runtimes.push({
            name,
            build: 'CodeZip',
            entrypoint: language === 'python' ? 'main.py' : 'main.ts',
            codeLocation,
            runtimeVersion: language === 'python' ? 'PYTHON_3_12' : 'NODE_22',
            protocol: protocols[protocol] ?? 'HTTP',
          });
        }
      }
    }
  }
  const { files, elapsed, findings } = await lintAsProject(project, { name: 'TemplatesBench', version: 1, runtimes });
  const broad = await broadCodeLocationBench(path.join(packDir, 'package', 'dist'));
  return { package: PACKAGE, runtimes: runtimes.length, sourceFiles: files.length, elapsedMs: elapsed, findings, broad };
}

/** Makes `folder` an AgentCore project with this spec, lints it, and returns its source files and source findings. */
async function lintAsProject(folder, spec) {
  fs.mkdirSync(path.join(folder, 'agentcore'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'agentcore', 'agentcore.json'), JSON.stringify(spec, null, 2));
  fs.writeFileSync(path.join(folder, 'agentcore', 'aws-targets.json'), '[]\n');
  const files = listFiles(folder).filter((f) => /\.(?:py|ts|tsx|js|mjs|cjs)$/.test(f));
  const started = Date.now();
  const result = await lint({ paths: [folder] });
  const elapsed = Date.now() - started;
  const findings = result.findings
    .filter((f) => SOURCE_RULES.has(f.ruleId) || f.ruleId === 'internal-error')
    .map((f) => ({ file: path.relative(folder, f.file).split(path.sep).join('/'), line: f.range.start.line, ruleId: f.ruleId, severity: f.severity, message: f.message }));
  return { files, elapsed, findings };
}

/**
 * The whole unpacked `dist/` of the package as the code of one runtime with `codeLocation: "."`: the CLI bundle, the
 * web inspector (a minified front end), Lambda and MCP-server templates, CDK assets. Checks the roles (classify, do
 * not flood) on a tree nobody wrote for this linter. Copied to `code/` because `dist/` folders are never scanned.
 */
async function broadCodeLocationBench(dist) {
  const project = path.join(work, 'broad-project');
  fs.cpSync(dist, path.join(project, 'code'), { recursive: true });
  const { files, elapsed, findings } = await lintAsProject(project, {
    name: 'BroadBench', version: 1,
    runtimes: [{ name: 'Everything', build: 'CodeZip', entrypoint: 'main.py', codeLocation: '.', protocol: 'HTTP' }],
  });
  const { loadProject } = await import(path.join(ROOT, 'dist', 'src', 'project.js'));
  const { scanProjectSources } = await import(path.join(ROOT, 'dist', 'src', 'source', 'discover.js'));
  const roles = {};
  for (const role of scanProjectSources(loadProject(project).project).roles.values()) roles[role] = (roles[role] ?? 0) + 1;
  return { sourceFiles: files.length, scanned: Object.values(roles).reduce((a, b) => a + b, 0), roles, elapsedMs: elapsed, findings };
}

function listFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Labelled secrets

/** Deterministic PRNG (mulberry32), so every run builds the same set. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const seedArg = process.argv.indexOf('--seed');
const SEED = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 20261121;
const random = prng(SEED);
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const B64URL = ALNUM + '-_';
const B64 = ALNUM + '+/';
const HEX = '0123456789abcdef';
const BASE32 = UPPER + '234567';
const pick = (alphabet, n) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
const b64url = (text) => Buffer.from(text).toString('base64url');
/** Joins pieces so no credential-shaped literal appears in this file. */
const j = (...parts) => parts.join('');

/**
 * Each sample: a value, whether it is a secret, and the contexts it is placed in. Contexts: `neutral` (a plain
 * variable such as `value`), `named` (a secret-named receiver: `api_key=` / `apiKey:`), `header`
 * (`Authorization: Bearer …`), `envDefault` (the default of a secret-named env read), `url` (the value is a URL).
 */
function samples() {
  const s = [];
  const add = (format, secret, value, contexts = ['neutral', 'named']) => s.push({ format, secret, value, contexts });
  for (let i = 0; i < 4; i++) {
    // OpenAI (platform.openai.com API keys: sk-proj-…, sk-svcacct-…, legacy sk- + 48).
    add('openai', true, j('sk', '-proj-', pick(B64URL, 74), 'T3Blbk', 'FJ', pick(B64URL, 74)));
    add('openai', true, j('sk', '-svcacct-', pick(B64URL, 60)));
    add('openai', true, j('sk', '-', pick(ALNUM, 48)));
    // Anthropic (console.anthropic.com keys: sk-ant-api03- + 93 + AA).
    add('anthropic', true, j('sk', '-ant-api03-', pick(B64URL, 93), 'AA'));
    // AWS (IAM access key ids: AKIA/ASIA + 16 base32; secret keys: 40 base64, only in secret contexts).
    add('aws-access-key-id', true, j('AK', 'IA', pick(BASE32, 16)));
    add('aws-access-key-id', true, j('AS', 'IA', pick(BASE32, 16)));
    add('aws-secret-key', true, pick(B64, 40), ['named', 'envDefault']);
    // GitHub (ghp_/gho_/ghs_ + 36, github_pat_ 22 + _ + 59).
    add('github', true, j('gh', 'p_', pick(ALNUM, 36)));
    add('github', true, j('gh', 'o_', pick(ALNUM, 36)));
    add('github', true, j('github', '_pat_', pick(ALNUM, 22), '_', pick(ALNUM, 59)));
    // Slack (xoxb-/xoxp- tokens, incoming-webhook URLs).
    add('slack', true, j('xo', 'xb-', pick(DIGITS, 12), '-', pick(DIGITS, 13), '-', pick(ALNUM, 24)));
    add('slack', true, j('xo', 'xp-', pick(DIGITS, 12), '-', pick(DIGITS, 12), '-', pick(DIGITS, 13), '-', pick(HEX, 32)));
    add('slack-webhook', true, j('https://hooks.', 'slack.com/services/T', pick(UPPER + DIGITS, 10), '/B', pick(UPPER + DIGITS, 10), '/', pick(ALNUM, 24)), ['neutral', 'url']);
    // Stripe (sk_live_/rk_live_ + 24–99).
    add('stripe', true, j('sk', '_live_', pick(ALNUM, 24)));
    add('stripe', true, j('rk', '_live_', pick(ALNUM, 99)));
    // Google API keys (AIza + 35).
    add('google', true, j('AI', 'za', pick(B64URL, 35)));
    // JWT (three base64url parts of real JSON).
    add('jwt', true, j(b64url('{"alg":"HS256","typ":"JWT"}'), '.', b64url(`{"sub":"${pick(ALNUM, 12)}","iat":${1700000000 + i}}`), '.', pick(B64URL, 43)));
    // Private keys (PEM blocks).
    add('private-key', true, j('-----BEGIN ', 'RSA PRIVATE KEY-----\n', pick(B64, 64), '\n-----END RSA PRIVATE KEY-----'), ['neutral']);
    add('private-key', true, j('-----BEGIN ', 'OPENSSH PRIVATE KEY-----\n', pick(B64, 70), '\n-----END OPENSSH PRIVATE KEY-----'), ['neutral']);
    // Credentials inside URLs / connection strings.
    add('url-credentials', true, j('postgres://app:', pick(ALNUM, 14), '@db.internal:5432/app'), ['neutral', 'url']);
    add('url-credentials', true, j('mongodb+srv://svc:', pick(ALNUM, 18), '@cluster0.mongodb.net/prod'), ['neutral', 'url']);
    // Generic generated values: secrets only where a secret-named receiver gets them.
    add('generic-secret-context', true, pick(ALNUM, 32), ['named', 'header', 'envDefault']);
    add('generic-secret-context', true, pick(HEX, 40), ['named', 'envDefault']);

    // Near misses.
    add('openai', false, j('sk', '-proj-', 'x'.repeat(40)));
    add('openai', false, j('sk', '-your-api-key-here'));
    add('openai', false, j('sk', '-...'));
    add('openai', false, j('di', 'sk-', pick(ALNUM, 40)), ['neutral']); // "disk-…": the prefix is part of a word
    add('anthropic', false, j('sk', '-ant-api03-', 'YOUR_KEY_HERE'));
    add('aws-access-key-id', false, j('AK', 'IA', 'IOSFODNN7', 'EXAMPLE')); // the AWS documentation example
    add('aws-access-key-id', false, j('AK', 'IA', pick(BASE32, 12)), ['neutral']); // too short for the format
    add('aws-secret-key', false, j('wJalrXUtnFEMI/K7MDENG/bPxRfiCY', 'EXAMPLEKEY'), ['named']);
    add('github', false, j('gh', 'p_', 'X'.repeat(36)));
    add('github', false, j('gh', 'p_', '<YOUR_TOKEN>'));
    add('slack', false, j('xo', 'xb-', 'your-bot-token'));
    add('slack-webhook', false, 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', ['neutral', 'url']);
    add('stripe', false, j('sk', '_test_', pick(ALNUM, 24)), ['neutral']); // test-mode key (a secret only where a secret-named receiver gets it)
    add('stripe', false, j('pk', '_live_', pick(ALNUM, 24))); // publishable key: public by design
    add('google', false, j('AI', 'za', '...'));
    add('jwt', false, j('ey', 'J', pick(B64URL, 6)), ['neutral']); // a prefix, not a token
    add('private-key', false, j('-----BEGIN ', 'PUBLIC KEY-----\n', pick(B64, 64), '\n-----END PUBLIC KEY-----'), ['neutral']);
    add('private-key', false, j('-----BEGIN ', 'CERTIFICATE-----\n', pick(B64, 64), '\n-----END CERTIFICATE-----'), ['neutral']);
    add('url-credentials', false, 'postgres://app@db.internal:5432/app', ['neutral', 'url']);
    add('url-credentials', false, 'postgres://app:${DB_PASSWORD}@db.internal:5432/app', ['neutral', 'url']);
    add('url-credentials', false, 'redis://default:<password>@localhost:6379', ['neutral', 'url']);
    add('url-credentials', false, 'https://api.weather.example.com/v1/forecast?units=metric', ['neutral', 'url']);
    add('generic-secret-context', false, 'your-api-key-here', ['named', 'header', 'envDefault']);
    add('generic-secret-context', false, '<API_KEY>', ['named', 'envDefault']);
    add('generic-secret-context', false, 'changeme', ['named', 'envDefault']);
    add('generic-secret-context', false, 'OPENAI_API_KEY', ['named']); // an env-var name
    add('generic-non-secret', false, pick(HEX, 64), ['neutral']); // a sha256 outside a secret context
    add('generic-non-secret', false, `${pick(HEX, 8)}-${pick(HEX, 4)}-4${pick(HEX, 3)}-a${pick(HEX, 3)}-${pick(HEX, 12)}`, ['neutral']); // a UUID
    add('generic-non-secret', false, 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', ['neutral', 'envDefault']); // a model id
    add('generic-non-secret', false, `arn:aws:secretsmanager:us-east-1:${pick(DIGITS, 12)}:secret:prod/api-${pick(ALNUM, 6)}`, ['neutral', 'named']);
  }
  return s;
}

function pythonLine(sample, context) {
  const v = JSON.stringify(sample.value);
  switch (context) {
    case 'named': return `client = Client(api_key=${v})\n`;
    case 'header': return `headers = {"Authorization": ${JSON.stringify(`Bearer ${sample.value}`)}}\n`;
    case 'envDefault': return `secret = os.environ.get("SERVICE_CLIENT_SECRET", ${v})\n`;
    case 'url': return `engine = connect(${v})\n`;
    default: return `value = ${v}\n`;
  }
}

function typescriptLine(sample, context) {
  const v = JSON.stringify(sample.value);
  switch (context) {
    case 'named': return `const client = new Client({ apiKey: ${v} });\n`;
    case 'header': return `const headers = { Authorization: ${JSON.stringify(`Bearer ${sample.value}`)} };\n`;
    case 'envDefault': return `const secret = process.env.SERVICE_CLIENT_SECRET ?? ${v};\n`;
    case 'url': return `const engine = connect(${v});\n`;
    default: return `const value = ${v};\n`;
  }
}

async function secretsBench() {
  const dir = path.join(work, 'secrets');
  fs.mkdirSync(dir);
  const cases = [];
  let n = 0;
  for (const sample of samples()) {
    for (const context of sample.contexts) {
      const py = `import os\n\n${pythonLine(sample, context)}`;
      const ts = typescriptLine(sample, context);
      for (const [ext, text] of [['py', py], ['ts', ts]]) {
        const file = path.join(dir, `case${String(n++).padStart(4, '0')}.${ext}`);
        fs.writeFileSync(file, text);
        cases.push({ file, format: sample.format, secret: sample.secret, value: sample.value, context, language: ext });
      }
    }
  }
  const result = await lint({ paths: [dir] });
  const flagged = new Set(result.findings.filter((f) => f.ruleId === 'no-inline-secrets').map((f) => f.file));
  // No message may contain a secret: at most its first 4 characters.
  const secretValues = cases.filter((c) => c.secret).map((c) => c.value);
  const leaked = result.findings.filter((f) => secretValues.some((v) => f.message.includes(v.slice(0, 8))));
  const perFormat = {};
  const totals = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const misses = [];
  for (const c of cases) {
    const hit = flagged.has(c.file);
    const key = c.secret ? (hit ? 'tp' : 'fn') : hit ? 'fp' : 'tn';
    totals[key]++;
    perFormat[c.format] ??= { tp: 0, fp: 0, fn: 0, tn: 0 };
    perFormat[c.format][key]++;
    if (key === 'fp' || key === 'fn') misses.push({ kind: key, format: c.format, context: c.context, language: c.language, text: fs.readFileSync(c.file, 'utf8').trim().slice(0, 160) });
  }
  return { cases: cases.length, totals, precision: ratio(totals.tp, totals.tp + totals.fp), recall: ratio(totals.tp, totals.tp + totals.fn), perFormat, misses, leakedInMessages: leaked.length };
}

function ratio(a, b) {
  return b === 0 ? 1 : Math.round((a / b) * 10000) / 10000;
}

// ---------------------------------------------------------------------------------------------------------------

function printReport(templates, secrets) {
  console.log(`# Templates of ${templates.package}: ${templates.runtimes} template folders, ${templates.sourceFiles} source files, ${templates.elapsedMs} ms`);
  const bySeverity = {};
  for (const f of templates.findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  console.log(`source-rule findings: ${templates.findings.length} (${Object.entries(bySeverity).map(([k, v]) => `${v} ${k}`).join(', ') || 'none'})`);
  for (const f of templates.findings) console.log(`  ${f.severity.padEnd(7)} ${f.ruleId.padEnd(22)} ${f.file}:${f.line}  ${f.message.slice(0, 140)}`);
  const broad = templates.broad;
  console.log(`\n# The whole dist/ of ${templates.package} as one codeLocation ".": ${broad.sourceFiles} source files, ${broad.scanned} scanned (${Object.entries(broad.roles).map(([k, v]) => `${v} ${k}`).join(', ')}), ${broad.elapsedMs} ms`);
  console.log(`source-rule findings: ${broad.findings.length}`);
  for (const f of broad.findings) console.log(`  ${f.severity.padEnd(7)} ${f.ruleId.padEnd(22)} ${f.file}:${f.line}  ${f.message.slice(0, 140)}`);
  console.log('');
  console.log(`# Labelled secrets: ${secrets.cases} files (Python + TypeScript), seed ${SEED}`);
  console.log(`precision ${secrets.precision}  recall ${secrets.recall}  (tp ${secrets.totals.tp}, fp ${secrets.totals.fp}, fn ${secrets.totals.fn}, tn ${secrets.totals.tn})`);
  console.log(`messages containing a full secret: ${secrets.leakedInMessages}`);
  console.log('| format | tp | fn | fp | tn |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [format, c] of Object.entries(secrets.perFormat)) console.log(`| ${format} | ${c.tp} | ${c.fn} | ${c.fp} | ${c.tn} |`);
  if (secrets.misses.length > 0) {
    console.log('\nmisclassified:');
    for (const m of secrets.misses) console.log(`  ${m.kind} ${m.format} ${m.context} ${m.language}: ${m.text.replace(/\n/g, ' ')}`);
  }
}

// Run (at the end, after every helper above is initialised).
try {
  const templates = await templatesBench();
  const secrets = await secretsBench();
  if (asJson) console.log(JSON.stringify({ templates, secrets }, null, 2));
  else printReport(templates, secrets);
} finally {
  if (!keep) fs.rmSync(work, { recursive: true, force: true });
  else console.error(`kept ${work}`);
}
