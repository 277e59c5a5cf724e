import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeFolder } from './make-folder.js';

/**
 * Writes `text` to `file` atomically (a temporary file beside it, then a rename), so a crash never leaves half a
 * file. Through a symbolic link, the file it names is written (renaming over the link would replace it with a
 * copy), with that file's permissions. For files of the user's (--fix, baselines); the cache has its own writer.
 */
export function writeFileAtomically(file: string, text: string): void {
  const exists = fs.existsSync(file);
  const target = exists ? fs.realpathSync(file) : file;
  const mode = exists ? fs.statSync(target).mode & 0o7777 : undefined;
  makeFolder(path.dirname(target));
  const temporary = temporaryFileFor(target);
  try {
    fs.writeFileSync(temporary, text, { mode });
    if (mode !== undefined) fs.chmodSync(temporary, mode); // writeFileSync's mode is masked by the umask
    fs.renameSync(temporary, target);
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true }); // a file this run made, never a folder
    } catch {
      // nothing of ours to remove
    }
    throw error;
  }
}

/** Where writeFileAtomically writes `target`'s new text before renaming it into place. */
export function temporaryFileFor(target: string): string {
  return `${target}.${process.pid}.agentcore-lint.tmp`;
}
