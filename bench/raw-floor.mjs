#!/usr/bin/env node
/**
 * The raw floor of the benchmark: list every file under a folder (skipping .git and node_modules), read it, run
 * one regex over it. Nothing a linter can skip, nothing more: the cost of touching the bytes from Node.
 *
 *   node bench/raw-floor.mjs DIR
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const PATTERN = /(?:api[_-]?key|secret|token|password)\s*[:=]\s*["'][^"'\n]{12,}["']/gi;
let files = 0;
let bytes = 0;
let matches = 0;
const stack = [root];
while (stack.length > 0) {
  const dir = stack.pop();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) stack.push(full);
    else if (entry.isFile()) {
      const text = fs.readFileSync(full, 'utf8');
      files++;
      bytes += text.length;
      for (const _ of text.matchAll(PATTERN)) matches++;
    }
  }
}
process.stdout.write(JSON.stringify({ files, bytes, matches }) + '\n');
