/**
 * Baselines for adopting agentcore-lint on an existing repository: `--baseline-write FILE` records today's
 * findings, `--baseline FILE` reports only new ones, `--baseline-prune` drops entries that no longer occur.
 *
 * A finding's identity is its rule, its file (relative to the baseline file) and a hash of the normalised text it
 * points at — never its line — with a count per identity. Unrelated edits that move code do not churn the
 * baseline, and a new secret on an old line is still reported because its text differs. Only hashes are stored:
 * a baseline never holds a secret.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from './json/string-positions.js';
import type { Finding } from './types.js';
import { writeFileAtomically } from './util/write-file.js';
import { posixRelative } from './util/paths.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  /** Relative to the baseline file's folder, with `/`. */
  file: string;
  /** SHA-256 (first 16 hex digits) of the normalised matched text. */
  hash: string;
  count: number;
}

export interface BaselineFile {
  version: number;
  tool: 'agentcore-lint';
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

/** Reads the text at a finding's range, for identities. One read per file. */
export class MatchedText {
  private readonly files = new Map<string, { text: string; lines: LineIndex } | null>();

  of(finding: Finding): string {
    let file = this.files.get(finding.file);
    if (file === undefined) {
      try {
        const text = fs.readFileSync(finding.file, 'utf8');
        file = { text, lines: new LineIndex(text) };
      } catch {
        file = null;
      }
      this.files.set(finding.file, file);
    }
    const matched = file ? file.text.slice(file.lines.offset(finding.range.start), file.lines.offset(finding.range.end)) : '';
    // Whole-file findings (1:1) have no text of their own: the message (without line numbers) identifies them.
    const basis = matched.trim() ? matched : finding.message.replace(/\b(lines?) \d+\b/gi, '$1 #');
    return basis.replace(/\s+/g, ' ').trim();
  }
}

function identityOf(finding: Finding, baseDir: string, matched: MatchedText): Omit<BaselineEntry, 'count'> {
  return {
    ruleId: finding.ruleId,
    file: posixRelative(baseDir, finding.file),
    hash: createHash('sha256').update(matched.of(finding)).digest('hex').slice(0, 16),
  };
}

const keyOf = (e: Omit<BaselineEntry, 'count'>): string => `${e.ruleId}\u0000${e.file}\u0000${e.hash}`;

/** The baseline for these findings, deterministic (sorted, no timestamps). */
export function createBaseline(findings: readonly Finding[], baselinePath: string): BaselineFile {
  const baseDir = path.dirname(path.resolve(baselinePath));
  const matched = new MatchedText();
  const counts = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const identity = identityOf(finding, baseDir, matched);
    const key = keyOf(identity);
    const entry = counts.get(key) ?? { ...identity, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const entries = [...counts.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.hash.localeCompare(b.hash),
  );
  return { version: BASELINE_VERSION, tool: 'agentcore-lint', findings: entries };
}

export function writeBaseline(baselinePath: string, baseline: BaselineFile): void {
  try {
    writeFileAtomically(path.resolve(baselinePath), JSON.stringify(baseline, null, 2) + '\n');
  } catch (error) {
    throw new BaselineError(`cannot write the baseline ${baselinePath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export function readBaseline(baselinePath: string): BaselineFile {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(baselinePath, 'utf8'));
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${baselinePath}: ${(error as Error).message}`);
  }
  const file = value as Partial<BaselineFile>;
  const valid =
    file?.version === BASELINE_VERSION &&
    Array.isArray(file.findings) &&
    file.findings.every(
      (e) => typeof e?.ruleId === 'string' && typeof e.file === 'string' && typeof e.hash === 'string' && Number.isInteger(e.count) && e.count > 0,
    );
  if (!valid) throw new BaselineError(`${baselinePath} is not an agentcore-lint baseline (version ${BASELINE_VERSION}); write one with --baseline-write`);
  return file as BaselineFile;
}

/** The findings the baseline does not cover: each baselined identity absorbs up to its count of findings. */
export function filterByBaseline(findings: readonly Finding[], baseline: BaselineFile, baselinePath: string): Finding[] {
  const baseDir = path.dirname(path.resolve(baselinePath));
  const remaining = new Map(baseline.findings.map((e) => [keyOf(e), e.count]));
  const matched = new MatchedText();
  return findings.filter((finding) => {
    const key = keyOf(identityOf(finding, baseDir, matched));
    const left = remaining.get(key) ?? 0;
    if (left === 0) return true;
    remaining.set(key, left - 1);
    return false;
  });
}

/** The baseline with entries that no longer occur dropped and counts lowered to what occurs now. */
export function pruneBaseline(findings: readonly Finding[], baseline: BaselineFile, baselinePath: string): BaselineFile {
  const current = new Map(createBaseline(findings, baselinePath).findings.map((e) => [keyOf(e), e.count]));
  const kept = baseline.findings
    .map((e) => ({ ...e, count: Math.min(e.count, current.get(keyOf(e)) ?? 0) }))
    .filter((e) => e.count > 0);
  return { ...baseline, findings: kept };
}
