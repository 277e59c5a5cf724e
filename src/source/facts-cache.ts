/**
 * The opt-in facts cache (`--cache`): each source file's `SourceFacts` (what the language adapters extract) kept
 * on disk between runs, so an unchanged repository re-lints without loading the TypeScript compiler or
 * tree-sitter, and without parsing anything; and cedar-wasm's answers for the policies (`cedarAnswers`), so
 * unchanged policies and Cedar schemas are checked without loading cedar-wasm.
 *
 * What is cached is only what the adapters and cedar-wasm return: facts keyed by a digest of the file's extension
 * and text, answers by a digest of the call and its exact input, both also of the extractor itself
 * (`extractorFingerprint`: agentcore-lint's version, the built extractor modules, the TypeScript, web-tree-sitter
 * and cedar-wasm versions, the vendored grammar, Node's major version). The rules run every time, so a change of
 * configuration, rules or tool catalog can never make a cached result wrong, and a changed extractor never serves
 * facts from an older one: its keys differ.
 *
 * Layout of the cache folder (default `node_modules/.cache/agentcore-lint/` at the repository root):
 *   facts/<name>     one entry per file content or Cedar answer, encrypted (below), written atomically (temp
 *                    file + rename)
 *   manifest.json    which file uses which entry, and which project's policies (by its agentcore.json) used which
 *                    answers, relative to the folder: only for eviction, never for lookups
 *   .gitignore       `*`, so the cache is never committed by accident
 * One small file per entry rather than one big file: a lookup is one read of the entry it needs (a pre-commit run
 * on a staged file reads nothing else), a changed file rewrites one entry, not the whole cache, and concurrent
 * runs cannot corrupt each other (measured on a 2,000-file project: reading every entry of a 13 MB cache took
 * about half as long as one 13 MB JSON file).
 *
 * Secrets: facts hold every string literal and comment of the file, secrets included. Each entry is encrypted
 * (AES-256-GCM) with a key derived from the digest of the file's own text (of the Cedar call's input, for an
 * answer), and named by another one-way hash of it: the cache reveals nothing to whoever does not already have the
 * exact file, which holds the secret anyway.
 * The GCM tag also turns a truncated, corrupt or tampered entry into a miss. A cache folder that git tracks is
 * refused: a repository under review could otherwise ship entries forged for its own files and hide findings.
 *
 * Failure never fails the run: an unusable folder or an unreadable entry is at most one note, and the files are
 * parsed as without the cache.
 */
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeFolder } from '../util/make-folder.js';
import { isInside } from '../util/paths.js';
import { fileURLToPath } from 'node:url';
import { findRepositoryRoot } from '../project.js';
import { packageRoot } from '../util/package-root.js';
import { languageOf } from './adapters.js';
import type { SourceFacts } from './facts.js';
import type { CedarAnswerStore, CedarCall } from '../policy/cedar.js';
import { posixRelative } from '../util/paths.js';

/** Bump when the layout or the entry encoding changes (it is part of the fingerprint, so old entries just miss). */
const CACHE_FORMAT = 2;
const MAGIC = Buffer.from('ACLF1');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const MANIFEST = 'manifest.json';
const ENTRIES = 'facts';
const GITIGNORE = '.gitignore';
const ENTRY_NAME = /^[0-9a-f]{64}$/;
/** What the cache folder may hold: anything else means it is not ours, and nothing is written there. */
const OWN_NAMES = new Set([MANIFEST, ENTRIES, GITIGNORE]);
const TEMP_NAME = /\.\d+\.[0-9a-f]{8}\.tmp$/;

/** `node_modules/.cache/agentcore-lint` at the repository root of `cwd` (at `cwd` outside git). */
export function defaultCacheLocation(cwd: string): string {
  return path.join(findRepositoryRoot(cwd) ?? cwd, 'node_modules', '.cache', 'agentcore-lint');
}

export interface FactsCacheStats {
  /** The cache folder. */
  location: string;
  /** Source files whose facts came from the cache. */
  hits: number;
  /** Source files looked up and not found (parsed, then stored). */
  misses: number;
  /** cedar-wasm answers taken from the cache instead of asking cedar-wasm. */
  cedarAnswers: number;
  /** Entries written by this run. */
  written: number;
}

/** The parsers the adapters load, and cedar-wasm, whose answers are kept too: their versions are in the fingerprint. */
const PARSER_PACKAGES = ['typescript', 'web-tree-sitter', '@cedar-policy/cedar-wasm'];

/**
 * A fingerprint of everything that decides what the extractor produces for a given text, computed once per run in
 * a few milliseconds. The code is what actually runs: from the dist/cli/ bundle, every file of the bundle (a new
 * build of the CLI starts a new cache); from dist/src/ (the library API) or the TypeScript sources (tests), the
 * extractor's modules, found by following the relative imports of `adapters.js`, so a new module of an adapter is
 * covered without a list to maintain.
 */
export function extractorFingerprint(code: readonly string[] = extractorCode()): string {
  const hash = crypto.createHash('sha256');
  hash.update(`agentcore-lint facts cache ${CACHE_FORMAT}\0node ${process.versions.node.split('.')[0]}\0`);
  const root = packageRoot();
  hash.update(`version ${readJson(path.join(root, 'package.json'))?.version ?? '?'}\0`);
  for (const file of [...code].sort()) {
    hash.update(`module ${posixRelative(root, file)}\0`);
    hash.update(fs.readFileSync(file));
  }
  for (const name of PARSER_PACKAGES) hash.update(`package ${name} ${packageVersion(name, root) ?? '?'}\0`);
  // Grammars the adapters load at run time (the vendored tree-sitter-python WASM).
  const vendor = path.join(root, 'vendor');
  const grammars = fs.existsSync(vendor) ? (fs.readdirSync(vendor, { recursive: true }) as string[]).filter((f) => f.endsWith('.wasm')).sort() : [];
  for (const file of grammars) {
    hash.update(`grammar ${file.split(path.sep).join('/')}\0`);
    hash.update(fs.readFileSync(path.join(vendor, file)));
  }
  return hash.digest('hex');
}

/** The files of the running extractor (see extractorFingerprint). */
export function extractorCode(): string[] {
  const here = fileURLToPath(import.meta.url);
  const bundle = path.join(packageRoot(), 'dist', 'cli');
  if (isInside(bundle, here)) {
    return (fs.readdirSync(bundle, { recursive: true }) as string[]).filter((f) => f.endsWith('.js')).map((f) => path.join(bundle, f));
  }
  return moduleClosure(path.join(path.dirname(here), 'adapters.js'));
}

/** A module and every module it imports with a relative specifier (static or dynamic), transitively. */
export function moduleClosure(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [moduleFile(entry)].filter((f): f is string => f !== undefined);
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"\n]+)['"]/g)) {
      const resolved = moduleFile(path.resolve(path.dirname(file), specifier));
      if (resolved) stack.push(resolved);
    }
  }
  return [...seen].sort();
}

/** The module file of an import: the built `.js`, or the `.ts` source when running from the sources (tests). */
function moduleFile(file: string): string | undefined {
  if (isFile(file)) return file;
  const source = file.replace(/\.js$/, '.ts');
  return source !== file && isFile(source) ? source : undefined;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The version of a package as Node resolves it from `from` (node_modules folders upwards). */
function packageVersion(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const version = readJson(path.join(dir, 'node_modules', name, 'package.json'))?.version;
    if (typeof version === 'string') return version;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

interface Manifest {
  fingerprint: string;
  /** File (relative to the cache folder, `/`-separated) → entry name. */
  files: Record<string, string>;
  /** A project's agentcore.json (relative, as in `files`) → the entries of the Cedar answers its policies used. */
  answers: Record<string, string[]>;
}

/** What an entry holds: one source file's facts, or one cedar-wasm answer (with the call, checked on reading). */
type EntryValue = SourceFacts | { cedar: CedarCall; answer: unknown };

/** One file's digest, computed once per run from its text. */
interface Digest {
  text: string;
  /** The entry's file name: a one-way hash of the digest. */
  name: string;
  /** The entry's AES-256 key: another one-way hash of the digest. */
  key: Buffer;
}

export class FactsCache {
  private fingerprintValue: string | undefined;
  /** undefined: not checked yet; false: not usable this run (one note says why). */
  private usable: boolean | undefined;
  /** Entry names present when the run started. */
  private present = new Set<string>();
  /** Whether a hit was already checked against git (a cache committed to the repository is refused). */
  private trusted = false;
  private readonly digests = new Map<string, Digest>();
  /** Every file looked up or stored in this run → its entry name. */
  private readonly seen = new Map<string, string>();
  /** Entries to write: name → the value and the key to encrypt it with. */
  private readonly pending = new Map<string, { value: EntryValue; key: Buffer }>();
  /** Every project (its agentcore.json) whose policies asked cedar-wasm in this run → the answers' entry names. */
  private readonly seenAnswers = new Map<string, Set<string>>();
  /** Folders linted completely in this run: the manifest forgets their files this run did not see. */
  private readonly complete: string[] = [];
  private readonly notes: string[] = [];
  private corrupt = 0;
  /** The cache folder (created when first written). */
  readonly location: string;
  readonly stats: FactsCacheStats;

  constructor(location: string, private readonly fingerprint: () => string = () => extractorFingerprint()) {
    this.location = path.resolve(location);
    this.stats = { location: this.location, hits: 0, misses: 0, cedarAnswers: 0, written: 0 };
  }

  /** The file's cached facts, or undefined (then parse it and `put` the facts). */
  get(file: string, text: string): SourceFacts | undefined {
    if (languageOf(file) === undefined) return undefined;
    if (!this.ready()) {
      this.stats.misses++;
      return undefined;
    }
    const digest = this.digest(file, text);
    this.seen.set(file, digest.name);
    const facts = this.present.has(digest.name) ? (this.readEntry(digest, (v) => looksLikeFacts(v, file)) as SourceFacts | undefined) : undefined;
    if (facts && this.trust()) {
      this.stats.hits++;
      return facts;
    }
    this.stats.misses++;
    return undefined;
  }

  /** Records facts just extracted from the file's text, to be written by `save`. */
  put(file: string, text: string, facts: SourceFacts): void {
    if (!this.ready() || languageOf(file) === undefined) return;
    const digest = this.digest(file, text);
    this.seen.set(file, digest.name);
    if (!this.present.has(digest.name)) this.pending.set(digest.name, { value: facts, key: digest.key });
  }

  /**
   * Where the policy checks of the project whose agentcore.json is `owner` keep cedar-wasm's answers. The entries
   * are named and encrypted like facts, from a digest of the call and its exact input; the manifest lists them
   * under `owner`, so that a run of the whole project drops the answers its policies no longer ask for.
   */
  cedarAnswers(owner: string): CedarAnswerStore {
    const entryOf = (call: CedarCall, input: unknown): Digest | undefined => {
      if (!this.ready()) return undefined;
      const digest = this.digestOf(`cedar ${call}`, JSON.stringify(input));
      let names = this.seenAnswers.get(owner);
      if (!names) this.seenAnswers.set(owner, (names = new Set()));
      names.add(digest.name);
      return digest;
    };
    return {
      get: (call, input) => {
        const digest = entryOf(call, input);
        if (!digest || !this.present.has(digest.name)) return undefined;
        const value = this.readEntry(digest, (v) => isRecord(v) && v.cedar === call && v.answer !== null && typeof v.answer === 'object');
        if (value === undefined || !this.trust()) return undefined;
        this.stats.cedarAnswers++;
        return (value as { answer: unknown }).answer;
      },
      put: (call, input, answer) => {
        const digest = entryOf(call, input);
        if (digest && !this.present.has(digest.name)) this.pending.set(digest.name, { value: { cedar: call, answer }, key: digest.key });
      },
    };
  }

  /** Every source file under this folder was looked up in this run: the others are gone or ignored. */
  coverAll(folder: string): void {
    this.complete.push(path.resolve(folder));
  }

  /**
   * Writes the new entries and the manifest, and removes entries no file uses any more. Never throws: returns
   * the notes for the user (at most one line).
   */
  save(): string[] {
    if (this.usable) {
      try {
        this.write();
      } catch (error) {
        this.notes.push(`the cache folder ${this.location} could not be written (${errorCode(error)}); the next run parses these files again`);
      }
    }
    if (this.corrupt > 0) this.notes.push(`${this.corrupt} unreadable cache entr${this.corrupt === 1 ? 'y was' : 'ies were'} ignored and rebuilt`);
    return this.notes.length > 0 ? [`Cache: ${this.notes.join('; ')}.`] : [];
  }

  /** Whether the folder can be used; checked once, at the first lookup (a run without source files never does). */
  private ready(): boolean {
    if (this.usable !== undefined) return this.usable;
    this.usable = false;
    let names: string[];
    try {
      names = fs.readdirSync(this.location);
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT') {
        this.notes.push(isFile(this.location)
          ? `${this.location} is a file, not a folder: the cache was not used`
          : `the cache folder ${this.location} cannot be used (${code})`);
        return false;
      }
      names = [];
    }
    // Never write into a folder that holds anything else (`--cache-location .` must not litter a project).
    const foreign = names.filter((n) => !OWN_NAMES.has(n) && !TEMP_NAME.test(n));
    if (foreign.length > 0) {
      this.notes.push(`${this.location} holds other files (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}), so it was not used as the cache folder; name a folder of its own`);
      return false;
    }
    try {
      this.fingerprintValue = this.fingerprint();
    } catch (error) {
      this.notes.push(`the extractor could not be fingerprinted (${errorCode(error)}): the cache was not used`);
      return false;
    }
    try {
      this.present = new Set(fs.readdirSync(path.join(this.location, ENTRIES)).filter((n) => ENTRY_NAME.test(n)));
    } catch {
      this.present = new Set();
    }
    this.usable = true;
    return true;
  }

  private digest(file: string, text: string): Digest {
    const known = this.digests.get(file);
    if (known && known.text === text) return known;
    const derived = this.digestOf(path.extname(file).toLowerCase(), text);
    this.digests.set(file, derived);
    return derived;
  }

  /** `kind` is a source file's extension, or `cedar <call>` for an answer (so the two can never share an entry). */
  private digestOf(kind: string, text: string): Digest {
    const digest = crypto.createHash('sha256').update(`${this.fingerprintValue}\0${kind}\0`).update(text).digest();
    return {
      text,
      name: crypto.createHash('sha256').update('agentcore-lint entry name\0').update(digest).digest('hex'),
      key: crypto.createHash('sha256').update('agentcore-lint entry key\0').update(digest).digest(),
    };
  }

  /** The entry's value, or undefined when it cannot be read, decrypted or understood (counted as corrupt). */
  private readEntry(digest: Digest, understood: (value: unknown) => boolean): unknown {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.join(this.location, ENTRIES, digest.name));
    } catch {
      return undefined; // removed since the run started
    }
    try {
      if (bytes.length < MAGIC.length + NONCE_BYTES + TAG_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('format');
      const nonce = bytes.subarray(MAGIC.length, MAGIC.length + NONCE_BYTES);
      const tag = bytes.subarray(MAGIC.length + NONCE_BYTES, MAGIC.length + NONCE_BYTES + TAG_BYTES);
      const decipher = crypto.createDecipheriv('aes-256-gcm', digest.key, nonce);
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([decipher.update(bytes.subarray(MAGIC.length + NONCE_BYTES + TAG_BYTES)), decipher.final()]);
      const value: unknown = JSON.parse(plain.toString('utf8'));
      if (!understood(value)) throw new Error('shape');
      return value;
    } catch {
      this.corrupt++;
      this.present.delete(digest.name); // rewritten by put()
      return undefined;
    }
  }

  /**
   * Refuses (once, with a note) a cache folder that holds files git tracks: a repository under review could ship
   * entries forged for its own files. Checked at the first hit only, so cold and pre-commit runs pay nothing.
   */
  private trust(): boolean {
    if (this.trusted) return true;
    if (!this.usable) return false;
    if (findRepositoryRoot(this.location) !== null) {
      let tracked = '';
      try {
        tracked = execFileSync('git', ['ls-files', '-z', '--', '.'], { cwd: this.location, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' });
      } catch {
        tracked = ''; // no git, or not a work tree: nothing can be tracked
      }
      if (tracked.length > 0) {
        this.usable = false;
        this.notes.push(`${this.location} holds files git tracks, so it was not used (a committed cache could hide findings)`);
        return false;
      }
    }
    this.trusted = true;
    return true;
  }

  /** `/`-separated, relative to the cache folder, as the manifest lists files. */
  private relative(absolute: string): string {
    return posixRelative(this.location, absolute);
  }

  private write(): void {
    const manifestFile = path.join(this.location, MANIFEST);
    const old = this.readManifest(manifestFile);
    const files: Record<string, string> = Object.create(null);
    for (const [relative, name] of Object.entries(old?.files ?? {})) {
      const absolute = path.resolve(this.location, relative);
      if (this.seen.has(absolute) || this.complete.some((folder) => isInside(folder, absolute))) continue;
      files[relative] = name;
    }
    for (const [absolute, name] of this.seen) files[this.relative(absolute)] = name;
    // A project's answers: this run's, plus (unless the whole project was linted) those it kept from earlier runs.
    const answers: Record<string, string[]> = Object.create(null);
    for (const [relative, names] of Object.entries(old?.answers ?? {})) {
      const absolute = path.resolve(this.location, relative);
      if (!this.seenAnswers.has(absolute) && !this.complete.some((folder) => isInside(folder, absolute))) answers[relative] = names;
    }
    for (const [owner, names] of this.seenAnswers) {
      const whole = this.complete.some((folder) => isInside(folder, owner));
      const kept = (!whole && old?.answers[this.relative(owner)]) || [];
      answers[this.relative(owner)] = [...new Set([...kept, ...names])].sort();
    }
    const manifest: Manifest = { fingerprint: this.fingerprintValue!, files: sortedByKey(files), answers: sortedByKey(answers) };
    const changed = !old || old.fingerprint !== manifest.fingerprint || JSON.stringify(old.files) !== JSON.stringify(manifest.files) ||
      JSON.stringify(old.answers) !== JSON.stringify(manifest.answers);
    if (!changed && this.pending.size === 0) return;

    makeFolder(path.join(this.location, ENTRIES), { mode: 0o700, modeFrom: this.location });
    const gitignore = path.join(this.location, GITIGNORE);
    if (!fs.existsSync(gitignore)) writeAtomically(gitignore, '# agentcore-lint cache: never commit it\n*\n');
    const used = new Set([...Object.values(manifest.files), ...Object.values(manifest.answers).flat()]);
    for (const [name, { value, key }] of this.pending) {
      if (!used.has(name)) continue;
      writeAtomically(path.join(this.location, ENTRIES, name), encrypt(value, key));
      this.stats.written++;
    }
    if (changed) writeAtomically(manifestFile, JSON.stringify({ version: CACHE_FORMAT, ...manifest }) + '\n');
    // Entries nothing uses any more (edited, deleted, another extractor), and temp files of interrupted runs.
    const now = Date.now();
    for (const name of fs.readdirSync(path.join(this.location, ENTRIES))) {
      const file = path.join(this.location, ENTRIES, name);
      const stale = ENTRY_NAME.test(name) ? !used.has(name) : TEMP_NAME.test(name) && now - statTime(file) > 10 * 60_000;
      if (stale) fs.rmSync(file, { force: true });
    }
  }

  /** The previous run's manifest; undefined when missing, from another format or extractor, or unreadable. */
  private readManifest(file: string): Manifest | undefined {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const value = JSON.parse(text) as { version?: unknown; fingerprint?: unknown; files?: unknown; answers?: unknown };
      if (value.version !== CACHE_FORMAT) return undefined;
      if (typeof value.fingerprint !== 'string' || !value.files || typeof value.files !== 'object' || Array.isArray(value.files)) throw new Error('shape');
      // Null-prototype records: a relative path is data, even "__proto__".
      const files: Record<string, string> = Object.create(null);
      for (const [relative, name] of Object.entries(value.files as Record<string, unknown>)) {
        if (typeof name === 'string' && ENTRY_NAME.test(name)) files[relative] = name;
      }
      const answers: Record<string, string[]> = Object.create(null);
      for (const [relative, names] of Object.entries(isRecord(value.answers) ? value.answers : {})) {
        if (Array.isArray(names)) answers[relative] = names.filter((n): n is string => typeof n === 'string' && ENTRY_NAME.test(n));
      }
      return value.fingerprint === this.fingerprintValue ? { fingerprint: value.fingerprint, files, answers } : undefined;
    } catch {
      this.notes.push(`${path.join(this.location, MANIFEST)} was unreadable and was replaced`);
      return undefined;
    }
  }
}

function encrypt(value: EntryValue, key: Buffer): Buffer {
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([MAGIC, nonce, cipher.getAuthTag(), body]);
}

/** Enough of the shape that rules can iterate what they expect. */
function looksLikeFacts(value: unknown, file: string): value is SourceFacts {
  if (value === null || typeof value !== 'object') return false;
  const facts = value as Record<string, unknown>;
  return facts.language === languageOf(file) &&
    ['comments', 'strings', 'calls', 'envReads', 'directives', 'parseProblems'].every((k) => Array.isArray(facts[k]));
}

function writeAtomically(file: string, content: string | Buffer): void {
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, content, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = Object.create(null);
  for (const [key, value] of Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) sorted[key] = value;
  return sorted;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}


function statTime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}
