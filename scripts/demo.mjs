// `npm run demo`: lints the bundled demo project. Findings are the point of the demo, so exit 1
// ("errors found") counts as success here; usage (2) and internal (3) failures still fail.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(process.execPath, [path.join(root, 'bin', 'agentcore-lint.js'), ...process.argv.slice(2), 'fixtures/demo-project'], {
  cwd: root,
  stdio: 'inherit',
});
process.exitCode = result.status === 0 || result.status === 1 ? 0 : (result.status ?? 3);
