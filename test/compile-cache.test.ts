import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { compileCacheEnabled, requireWithCodeCache, sourceText } from '../src/util/compile-cache.js';
import { ROOT, useTempTrees } from './helpers/cli.js';

const tree = useTempTrees();
const require = createRequire(import.meta.url);

/** A CommonJS module in its own folder (a fresh path each time, so require.cache never has it). */
function moduleTree(body = 'exports.answer = 42; exports.double = (n) => n * 2;'): { file: string; cache: string } {
  const dir = tree({ 'mod.cjs': body });
  return { file: path.join(dir, 'mod.cjs'), cache: path.join(dir, 'cache') };
}

/** A lazily compiled function: a cache made after calling it holds its bytecode, one made at load does not. */
const lazyBody = `exports.answer = 42; exports.work = function (n) { let s = 0; ${Array.from({ length: 200 }, (_, i) => `s += n * ${i};`).join(' ')} return s; };`;

/** Loads `file` in a fresh process, runs `script` with the module as `mod`, and returns what it printed. */
function loadInChild(file: string, cache: string, script = '', eager = false): string {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', `
    import { requireWithCodeCache } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'src', 'util', 'compile-cache.js')).href)};
    const mod = requireWithCodeCache(${JSON.stringify(file)}, import.meta.url, { folder: ${JSON.stringify(cache)}, eager: ${eager} });
    ${script}
    console.log(mod.answer);
  `], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return child.stdout.trim();
}

afterEach(() => {
  delete process.env.AGENTCORE_LINT_COMPILE_CACHE;
});

describe('requireWithCodeCache', () => {
  it('loads the module, writes a cache, and registers the module for plain require', () => {
    const { file, cache } = moduleTree();
    const mod = requireWithCodeCache(file, import.meta.url, { folder: cache }) as { answer: number; double(n: number): number };
    expect(mod.answer).toBe(42);
    expect(mod.double(4)).toBe(8);
    expect(fs.readdirSync(cache).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    expect(require(file)).toBe(mod);
  });

  it('survives a corrupt cache: V8 rejects it and it is rewritten', () => {
    const { file, cache } = moduleTree();
    loadInChild(file, cache);
    const [bin] = fs.readdirSync(cache);
    expect(bin).toMatch(/^[0-9a-f]{32}\.bin$/);
    const good = fs.readFileSync(path.join(cache, bin));
    fs.writeFileSync(path.join(cache, bin), 'not a V8 code cache');
    // A fresh process: within one, V8 serves a second compile of the same source from memory, ignoring the cache.
    expect(loadInChild(file, cache)).toBe('42');
    expect(fs.readdirSync(cache)).toEqual([bin]);
    expect(fs.readFileSync(path.join(cache, bin)).length).toBe(good.length);
  });

  it('a run killed before exit leaves a partial cache, which the next run uses and completes', () => {
    const { file, cache } = moduleTree(lazyBody);
    // A test worker or an editor's ESLint server is killed: no exit handlers run.
    expect(loadInChild(file, cache, "mod.work(2); process.kill(process.pid, 'SIGKILL');")).toBe('');
    const [partial] = fs.readdirSync(cache);
    expect(partial).toMatch(/^[0-9a-f]{32}\.partial\.bin$/);
    const partialBytes = fs.readFileSync(path.join(cache, partial));
    // The next run that exits writes the complete cache in its place.
    expect(loadInChild(file, cache, 'mod.work(3);')).toBe('42');
    const [complete] = fs.readdirSync(cache);
    expect(complete).toBe(partial.replace('.partial', ''));
    const completeBytes = fs.readFileSync(path.join(cache, complete));
    expect(completeBytes.length).toBeGreaterThan(partialBytes.length);
    // And the run after that accepts it as it is.
    expect(loadInChild(file, cache, 'mod.work(4);')).toBe('42');
    expect(fs.readdirSync(cache)).toEqual([complete]);
    expect(fs.readFileSync(path.join(cache, complete)).equals(completeBytes)).toBe(true);
  });

  it('keeps one cache per set of V8 flags the process set (V8 rejects a cache made under other flags)', () => {
    const { file, cache } = moduleTree();
    const load = (flag: string | undefined): string =>
      spawnSync(process.execPath, ['--input-type=module', '-e', `
        import { requireWithCodeCache } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'src', 'util', 'compile-cache.js')).href)};
        import { setV8Flag } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'src', 'util', 'v8-flags.js')).href)};
        ${flag ? `setV8Flag(${JSON.stringify(flag)});` : ''}
        console.log(requireWithCodeCache(${JSON.stringify(file)}, import.meta.url, { folder: ${JSON.stringify(cache)} }).answer);
      `], { encoding: 'utf8' }).stdout.trim();
    const entries = (): string[] => fs.readdirSync(cache).filter((f) => f.endsWith('.bin')).sort();
    expect(load(undefined)).toBe('42');
    const plain = entries();
    expect(load('--heap-growing-percent=10')).toBe('42');
    expect(entries()).toHaveLength(2);
    const stamps = entries().map((f) => fs.statSync(path.join(cache, f)).mtimeMs);
    // Each kind of run finds its own cache again and leaves the other's alone.
    expect(load(undefined)).toBe('42');
    expect(load('--heap-growing-percent=10')).toBe('42');
    expect(entries().map((f) => fs.statSync(path.join(cache, f)).mtimeMs)).toEqual(stamps);
    expect(plain).toHaveLength(1);
  });

  it('writes what the run compiled before a flag change, as a cache the next run under the load-time flags accepts', () => {
    const { file, cache } = moduleTree(lazyBody);
    const run = (script: string): void => {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', `
        import { requireWithCodeCache } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'src', 'util', 'compile-cache.js')).href)};
        import { setV8Flag } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'src', 'util', 'v8-flags.js')).href)};
        const mod = requireWithCodeCache(${JSON.stringify(file)}, import.meta.url, { folder: ${JSON.stringify(cache)} });
        ${script}
      `], { encoding: 'utf8' });
      expect(child.stderr).toBe('');
    };
    const entry = (): { name: string; bytes: Buffer } => {
      const [name] = fs.readdirSync(cache).filter((f) => f.endsWith('.bin'));
      return { name, bytes: fs.readFileSync(path.join(cache, name)) };
    };
    run('');
    const unused = entry();
    fs.rmSync(cache, { recursive: true });
    // Loaded, used, then --liftoff-only (what a run that meets a Cedar policy does): the cache is written first.
    run("mod.work(2); setV8Flag('--liftoff-only'); mod.work(3);");
    const used = entry();
    expect(used.name).toBe(unused.name);
    expect(used.bytes.length).toBeGreaterThan(unused.bytes.length);
    // A run under the load-time flags accepts it: a rejected cache would be rewritten.
    run('mod.work(4);');
    expect(entry().bytes.equals(used.bytes)).toBe(true);
  });

  describe('eager (the validators: which of their functions a run calls depends on the file)', () => {
    const entries = (cache: string): Array<{ name: string; bytes: Buffer }> =>
      fs.readdirSync(cache).sort().map((name) => ({ name, bytes: fs.readFileSync(path.join(cache, name)) }));

    it('writes a complete cache at load, holding functions the run never called, even if the run is then killed', () => {
      const sizeOfLazyCache = (script: string): number => {
        const { file, cache } = moduleTree(lazyBody);
        expect(loadInChild(file, cache, script)).toBe('42');
        return entries(cache)[0].bytes.length;
      };
      const unused = sizeOfLazyCache('');
      const used = sizeOfLazyCache('mod.work(2);');
      const eager = moduleTree(lazyBody);
      expect(loadInChild(eager.file, eager.cache, "process.kill(process.pid, 'SIGKILL');", true)).toBe('');
      const [written, ...others] = entries(eager.cache);
      expect(others).toEqual([]);
      expect(written.name).toMatch(/^[0-9a-f]{32}\.bin$/);
      // work() was compiled without being called: the cache is about the size of a lazy one made after calling it.
      expect(written.bytes.length).toBeGreaterThan((unused + used) / 2);
      // The next run accepts it as it is (a rejected cache would be removed).
      expect(loadInChild(eager.file, eager.cache, 'mod.work(3);', true)).toBe('42');
      expect(entries(eager.cache)).toEqual([written]);
    });

    it('leaves the flags as they were: a lazy module cached after an eager compile is accepted by the next run', () => {
      const eager = moduleTree(lazyBody);
      const lazy = moduleTree(lazyBody);
      const run = (): void => {
        const child = spawnSync(process.execPath, ['--input-type=module', '-e', `
          import { requireWithCodeCache } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'src', 'util', 'compile-cache.js')).href)};
          requireWithCodeCache(${JSON.stringify(eager.file)}, import.meta.url, { folder: ${JSON.stringify(eager.cache)}, eager: true });
          requireWithCodeCache(${JSON.stringify(lazy.file)}, import.meta.url, { folder: ${JSON.stringify(lazy.cache)} }).work(2);
        `], { encoding: 'utf8' });
        expect(child.stderr).toBe('');
      };
      run();
      const lazyWritten = entries(lazy.cache);
      expect(lazyWritten.map((e) => e.name)).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.bin$/)]);
      // Under the lazy compile's load-time flags: a cache V8 rejected would be replaced by a partial one.
      expect(loadInChild(lazy.file, lazy.cache, 'mod.work(3);')).toBe('42');
      expect(entries(lazy.cache)).toEqual(lazyWritten);
      run();
      expect(entries(lazy.cache)).toEqual(lazyWritten);
    });

    it('removes a cache V8 rejects, and the next run writes a complete one', () => {
      const { file, cache } = moduleTree(lazyBody);
      loadInChild(file, cache, '', true);
      const [good] = entries(cache);
      fs.writeFileSync(path.join(cache, good.name), 'not a V8 code cache');
      expect(loadInChild(file, cache, 'mod.work(2);', true)).toBe('42');
      expect(entries(cache)).toEqual([]);
      expect(loadInChild(file, cache, '', true)).toBe('42');
      // Rewritten whole (V8's bytes differ from one compile to the next, its size does not).
      expect(entries(cache).map((e) => [e.name, e.bytes.length])).toEqual([[good.name, good.bytes.length]]);
    });

    it('replaces a partial cache that lazy runs left', () => {
      const { file, cache } = moduleTree(lazyBody);
      loadInChild(file, cache, "process.kill(process.pid, 'SIGKILL');");
      expect(entries(cache).map((e) => e.name)).toEqual([expect.stringMatching(/\.partial\.bin$/)]);
      loadInChild(file, cache, '', true);
      expect(entries(cache).map((e) => e.name)).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.bin$/)]);
    });
  });

  it('carries on when the cache folder cannot be created', () => {
    const { file } = moduleTree();
    const blocker = path.join(tree({ 'file-not-folder': 'x' }), 'file-not-folder');
    expect((requireWithCodeCache(file, import.meta.url, { folder: path.join(blocker, 'cache') }) as { answer: number }).answer).toBe(42);
  });

  it('writes nothing when AGENTCORE_LINT_COMPILE_CACHE=0', () => {
    process.env.AGENTCORE_LINT_COMPILE_CACHE = '0';
    expect(compileCacheEnabled()).toBe(false);
    const { file, cache } = moduleTree();
    expect((requireWithCodeCache(file, import.meta.url, { folder: cache }) as { answer: number }).answer).toBe(42);
    expect(fs.existsSync(cache)).toBe(false);
  });

  it('passes the module its own require, __filename and __dirname', () => {
    const { file, cache } = moduleTree("exports.info = [__filename, __dirname, typeof require('node:path').join];");
    const mod = requireWithCodeCache(file, import.meta.url, { folder: cache }) as { info: string[] };
    expect(mod.info).toEqual([file, path.dirname(file), 'function']);
  });

  it('a module that throws is not left half-registered', () => {
    const { file, cache } = moduleTree("throw new Error('broken module');");
    expect(() => requireWithCodeCache(file, import.meta.url, { folder: cache })).toThrow('broken module');
    expect(require.cache[file]).toBeUndefined();
  });
});

describe('sourceText', () => {
  it('reads a module as UTF-8, taking the Latin-1 shortcut only for ASCII (where both give the same string)', () => {
    const ascii = Buffer.from('exports.answer = 42; // plain ASCII\n');
    expect(sourceText(ascii)).toBe(ascii.toString('utf8'));
    // Latin-1 would turn each byte of a multi-byte character into its own character.
    const unicode = Buffer.from("exports.greeting = 'café 🚀'; /* \u00e9 */\n");
    expect(sourceText(unicode)).toBe("exports.greeting = 'café 🚀'; /* \u00e9 */\n");
    expect(sourceText(unicode)).not.toBe(unicode.toString('latin1'));
    const compiler = fs.readFileSync(require.resolve('typescript'));
    expect(sourceText(compiler)).toBe(compiler.toString('utf8'));
  });

  it('loads a module with non-ASCII text intact', () => {
    const { file, cache } = moduleTree("exports.answer = 'café 🚀'.length;");
    expect(loadInChild(file, cache)).toBe('7');
  });
});
