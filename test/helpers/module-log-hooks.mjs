/** Module hooks of module-log.mjs: appends each resolved ES module URL to AGENTCORE_LINT_MODULE_LOG. */
import * as fs from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (process.env.AGENTCORE_LINT_MODULE_LOG) fs.appendFileSync(process.env.AGENTCORE_LINT_MODULE_LOG, `${resolved.url}\n`);
  return resolved;
}
