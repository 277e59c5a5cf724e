/**
 * Loads a big CommonJS file (the 9 MB TypeScript compiler, the precompiled ajv validators) with a V8 code cache,
 * so later runs skip most of its compilation: TypeScript's load drops from about 250 ms to about 80 ms, most of a
 * pre-commit run on one .ts file (stack notes §4.1; bench/RESULTS.md). Node 20 has no `module.enableCompileCache`,
 * so this does what `v8-compile-cache` does, for the files we name only.
 *
 * The cache lives in the linter's own install folder (`dist/.compile-cache/`), never in the user's project or a
 * shared temp folder: whoever can write there can already change the linter's code, so a planted cache gives no new
 * power. V8 checks each cache against the source and its flags and rejects a stale or corrupt one; it is then
 * rewritten. Any failure (read-only install, full disk) falls back to a plain compile. `AGENTCORE_LINT_COMPILE_CACHE=0`
 * turns it off.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { packageRoot } from './package-root.js';
import { onBeforeFlagChange, v8FlagsSignature } from './v8-flags.js';
import { makeFolder } from './make-folder.js';

interface NodeModule {
  exports: unknown;
  filename: string;
  paths: string[];
  loaded: boolean;
}
interface ModuleInternals {
  new (id: string, parent?: unknown): NodeModule;
  wrap(source: string): string;
  _nodeModulePaths(dir: string): string[];
  _cache: Record<string, NodeModule>;
}
const ModuleClass = Module as unknown as ModuleInternals;

export function compileCacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.AGENTCORE_LINT_COMPILE_CACHE !== '0';
}

export function compileCacheFolder(): string {
  return path.join(packageRoot(), 'dist', '.compile-cache');
}

export interface CodeCacheOptions {
  /** Where the caches live; by default the linter's own `dist/.compile-cache/`. */
  folder?: string;
  /**
   * Compile the whole module when there is no cache, and write the cache at once. For a module whose later runs
   * may use more of it than the first one (a validator: a minimal agentcore.json runs a fraction of its functions),
   * so the cache does not depend on which run made it. Not for the 9 MB TypeScript compiler: its full cache would
   * cost more to load than the parts a run compiles.
   */
  eager?: boolean;
}

/**
 * A module's text. The TypeScript compiler is 9 MB of ASCII: decoded as Latin-1 once it is known to be ASCII (the
 * same string), it takes about 4 ms instead of the 20–25 ms of a UTF-8 decode, on every run that loads it.
 */
export function sourceText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * `require(specifier)` resolved from `from`, compiled with a V8 code cache. The module is registered in
 * `require.cache`, so a plain `require` of the same file afterwards gets the same instance.
 */
export function requireWithCodeCache(specifier: string, from: string, options: CodeCacheOptions = {}): unknown {
  const require = createRequire(from);
  const file = require.resolve(specifier);
  const registered = ModuleClass._cache[file];
  if (registered) return registered.exports;
  if (!compileCacheEnabled()) return require(file);
  let source: string;
  let stat: fs.Stats;
  try {
    source = sourceText(fs.readFileSync(file));
    stat = fs.statSync(file);
  } catch {
    return require(file);
  }
  const folder = options.folder ?? compileCacheFolder();
  const key = cacheKey(file, stat);
  const cacheFile = path.join(folder, `${key}.bin`);
  const partialFile = path.join(folder, `${key}.partial.bin`);
  const complete = readCache(cacheFile);
  const eager = options.eager === true && complete === undefined && !lazyFlagSetByUser();
  const cachedData = complete ?? (eager ? undefined : readCache(partialFile));
  const script = eager ? compileWholeScript(source, file) : new vm.Script(ModuleClass.wrap(source), { filename: file, cachedData });
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const mod = new ModuleClass(file);
  mod.filename = file;
  mod.paths = ModuleClass._nodeModulePaths(path.dirname(file));
  ModuleClass._cache[file] = mod;
  try {
    wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  } catch (error) {
    delete ModuleClass._cache[file];
    throw error;
  }
  mod.loaded = true;
  if (eager) {
    // Everything is compiled already: this cache is complete, whatever the run goes on to do.
    if (writeCache(cacheFile, script)) removeCache(partialFile);
    return mod.exports;
  }
  if (options.eager === true && script.cachedDataRejected) {
    // Damaged, or made by another V8 build. This run compiled lazily; the next one compiles it whole and writes it.
    removeCache(cacheFile);
    return mod.exports;
  }
  if (cachedData === undefined || script.cachedDataRejected) {
    // Rejected (damaged, or made by another V8 build): dropped, so a run killed before exit leaves the partial one.
    if (complete !== undefined) removeCache(cacheFile);
    writeCache(partialFile, script);
  }
  if (complete === undefined || script.cachedDataRejected) {
    // Most of a parser or a validator is compiled lazily, on first use, so the cache written at load holds little
    // of it. The complete cache is written with the functions this run compiled: at exit, or just before the run
    // changes V8's flags (a Cedar policy turns on --liftoff-only), since V8 rejects a cache made under other flags
    // than it is loaded under (util/v8-flags.ts). Until a run gets that far (a test worker or an editor's ESLint
    // server is killed, not exited), the next run finds only the partial cache, and owes the complete one again.
    owedUpgrades.push({ cacheFile, partialFile, script });
    if (!upgradesHooked) {
      upgradesHooked = true;
      onBeforeFlagChange(writeOwedUpgrades);
      process.once('exit', writeOwedUpgrades);
    }
  }
  return mod.exports;
}

/**
 * Compiles every function of the module now instead of on first call (V8's `--no-lazy`, set for this one compile
 * and then restored, so the flags the caches are keyed and checked by are the same as before).
 */
function compileWholeScript(source: string, file: string): vm.Script {
  v8.setFlagsFromString('--no-lazy');
  try {
    return new vm.Script(ModuleClass.wrap(source), { filename: file });
  } finally {
    v8.setFlagsFromString('--lazy');
  }
}

/** `node --no-lazy …` (or `--lazy`): the user's choice, which compileWholeScript must not undo. */
function lazyFlagSetByUser(): boolean {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) => /^--(no-)?lazy$/.test(arg));
}

/** Modules loaded without a complete cache: each one's is written once, with what the run compiled. */
const owedUpgrades: Array<{ cacheFile: string; partialFile: string; script: vm.Script }> = [];
let upgradesHooked = false;

function writeOwedUpgrades(): void {
  // The folder was made at load; if it is gone since (a test's temporary folder), leave it gone.
  for (const upgrade of owedUpgrades.splice(0)) {
    if (writeCache(upgrade.cacheFile, upgrade.script, false)) removeCache(upgrade.partialFile);
  }
}

/** Node version, platform, the V8 flags that decide whether V8 accepts the cache, and the file's identity. */
function cacheKey(file: string, stat: fs.Stats): string {
  return createHash('sha256')
    .update([process.version, process.arch, v8FlagsSignature(), file, stat.size, stat.mtimeMs].join('\0'))
    .digest('hex')
    .slice(0, 32);
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return fs.readFileSync(cacheFile);
  } catch {
    return undefined; // not written yet, or the folder is gone
  }
}

function removeCache(cacheFile: string): void {
  try {
    fs.rmSync(cacheFile, { force: true });
  } catch {
    // read-only install: V8 rejects it again next time, at no cost but a compile
  }
}

/** Whether it was written. */
function writeCache(cacheFile: string, script: vm.Script, createFolder = true): boolean {
  try {
    if (createFolder) makeFolder(path.dirname(cacheFile));
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, cacheFile); // atomic: a concurrent run reads the old cache or the new one
    return true;
  } catch {
    return false; // read-only install or full disk: the next run compiles as this one did
  }
}
