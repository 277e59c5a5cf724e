/**
 * `--fix`: applies the safe fixes findings carry. Edits of one file are applied together, last first, skipping
 * any that overlap an edit already taken; each file is written atomically (temporary file + rename). Nothing is
 * written without `--fix`.
 */
import * as fs from 'node:fs';
import { LineIndex } from './json/string-positions.js';
import type { Finding, TextEdit } from './types.js';
import { writeFileAtomically } from './util/write-file.js';

type OffsetEdit = { start: number; end: number; text: string };

export interface FixResult {
  /** Files written. */
  files: string[];
  /** Edits applied. */
  edits: number;
  /** Files that could not be written, and why (they are left as they were). */
  failed: Array<{ file: string; reason: string }>;
}

export function applyFixes(findings: readonly Finding[]): FixResult {
  const byFile = new Map<string, TextEdit[]>();
  for (const finding of findings) {
    if (!finding.fix) continue;
    byFile.set(finding.fix.file, [...(byFile.get(finding.fix.file) ?? []), ...finding.fix.edits]);
  }
  const result: FixResult = { files: [], edits: 0, failed: [] };
  for (const [file, edits] of byFile) {
    let text: string;
    try {
      text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    } catch {
      continue; // unreadable: leave it alone
    }
    const lines = new LineIndex(text);
    const byOffset = edits.map((e) => ('range' in e ? { start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: e.text } : e));
    const taken: OffsetEdit[] = [];
    // From the end of the file backwards, so earlier offsets stay valid; identical edits count once.
    for (const edit of byOffset.sort((a, b) => b.start - a.start || b.end - a.end)) {
      const duplicate = taken.some((t) => t.start === edit.start && t.end === edit.end && t.text === edit.text);
      const overlaps = taken.some((t) => edit.start < t.end && t.start < edit.end);
      if (duplicate || overlaps || edit.start < 0 || edit.end > text.length || edit.start > edit.end) continue;
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
      taken.push(edit);
    }
    if (taken.length === 0) continue;
    try {
      writeFileAtomically(file, text);
    } catch (error) {
      result.failed.push({ file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      continue;
    }
    result.files.push(file);
    result.edits += taken.length;
  }
  return result;
}
