import * as path from 'node:path';
import { defineRule } from '../../src/rule.js';
import { formatPath, type JsonPath } from '../../src/json/document.js';
import { harnessFolderByName, normalizeFolder, realpathOr, type FileStatus } from '../../src/project.js';
import { entries, gatewayTargets } from '../../src/util/spec.js';
import { asArray, asObject, asString, objectsOf, type JsonObject } from '../../src/util/json-value.js';
import { isS3Uri } from '../../src/agentcore/tools.js';

type Expect = 'file' | 'directory' | 'any';

/** Joins a path inside another project-relative path, keeping it relative (POSIX separators, as agentcore.json uses). */
function within(base: string, rel: string): string {
  return path.posix.join(base.replace(/\\/g, '/'), rel.replace(/\\/g, '/'));
}

export default defineRule({
  meta: {
    id: 'referenced-files-exist',
    code: 'AC017',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'Files and folders agentcore.json references must exist inside the project: codeLocation, entrypoint, Dockerfile, ' +
      'schema files, tool schema files, tool code, knowledge-base connector configs, policy sources and harness folders.',
    rationale:
      '`agentcore validate` does not look for most of these files (agentcore-facts.md §4; official-validate.md case ' +
      '21), but packaging and CDK synth do: a missing `codeLocation` or entrypoint fails packaging or runtime ' +
      'start-up, a Container runtime without its Dockerfile is refused by `agentcore deploy`, ' +
      '`schemaSource.inline.path` and a local `toolSchemaFile` are read at synth time (as are knowledge-base ' +
      '`connectorConfigFile`s), and `compute.implementation.path` is the tool code that gets bundled. Harnesses are ' +
      'read by both: `agentcore validate`, and the same check `agentcore deploy` runs before synthesis, read ' +
      '`app/<name>/harness.json`, from the harness\'s name whatever its `path` says (a missing one stops them with ' +
      '"Harness Spec config file not found"), and CDK synth then builds the harness from `<path>/harness.json`. ' +
      '`agentcore add harness` writes `"path": "app/<name>"`; any other path is reported, as an error when ' +
      '`app/<name>/harness.json` does not exist. ' +
      'Paths are relative to the project root (entrypoint, Dockerfile and `.json` additionalPolicies to codeLocation); ' +
      'TypeScript runtimes name `main.js` as entrypoint but the CLI bundles `<codeLocation>/main.ts`, so the `.ts` ' +
      'source counts. A path that leaves the project (`../x`, absolute) is reported instead of followed: the project ' +
      'would not build on another machine, and agentcore-lint never reads outside the project. A policy `sourceFile` ' +
      'is only informational (the deployed text is `statement`), so a missing one is a warning.',
    messages: {
      missing: '{{what}} "{{value}}" does not exist{{where}}. {{consequence}}',
      backslashes:
        '{{what}} "{{value}}" separates folders with "\\", which only Windows reads as a separator: "{{fixed}}" exists, ' +
        'but on Linux and macOS (CI, the machine that deploys) this path does not. Write it as "{{fixed}}".',
      wrongKind: '{{what}} "{{value}}" is a {{actual}}, not a {{expected}}. {{consequence}}',
      outside:
        '{{what}} "{{value}}" points outside the project ({{why}}); agentcore-lint does not follow it, and the project will ' +
        'not build where that path does not exist (CI, other machines). Move the files into the project and use a ' +
        'project-relative path.',
      harnessPathMissing:
        'Harness "{{name}}" has path "{{value}}", but `agentcore validate` and `agentcore deploy` read the harness from ' +
        'its name, {{validateReads}}, which does not exist: they stop with "Harness Spec config file not found". Move ' +
        'the harness folder to {{byName}} and set "path": "{{byName}}".',
      harnessPathElsewhere:
        'Harness "{{name}}" has path "{{value}}", but `agentcore validate` (and `agentcore deploy` before synthesis) ' +
        'check {{validateReads}}, from its name, while CDK synth builds the harness from "{{value}}/harness.json": two ' +
        'files that can drift apart. Move the harness folder to {{byName}} and set "path": "{{byName}}".',
      entrypointNode:
        'Runtime "{{runtime}}" entrypoint "{{value}}": neither {{jsFile}} nor its TypeScript source {{tsFile}} exists. The CLI ' +
        'bundles the .ts source into the .js entrypoint when packaging; add the file or fix the entrypoint or codeLocation.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    const { files } = project;

    /** Checks one reference; returns its status when it exists with the expected kind. */
    const checkPath = (
      rel: string,
      at: JsonPath,
      expect: Expect,
      what: string,
      consequence: string,
      extra: { severity?: 'warning'; where?: string; shown?: string } = {},
    ): FileStatus | undefined => {
      const status = files.status(rel);
      const value = extra.shown ?? rel;
      const severity = extra.severity;
      if (status.kind === 'outside') {
        const why =
          path.isAbsolute(rel) || /^[A-Za-z]:[\\/]/.test(rel) ? 'absolute path'
          : rel.split(/[\\/]/).includes('..') ? 'it climbs out with ".."'
          : 'a symbolic link leads out of it';
        report({ messageId: 'outside', path: at, data: { what, value, why }, severity: 'warning' });
        return undefined;
      }
      if (status.kind === 'missing') {
        const fixed = rel.replace(/\\/g, '/');
        const portable = fixed !== rel ? files.status(fixed).kind : 'missing';
        if (portable !== 'missing' && portable !== 'outside') {
          report({ messageId: 'backslashes', path: at, data: { what, value, fixed }, severity });
        } else {
          report({ messageId: 'missing', path: at, data: { what, value, where: extra.where ?? '', consequence }, severity });
        }
        return undefined;
      }
      if (expect !== 'any' && status.kind !== expect) {
        const actual = status.kind === 'directory' ? 'folder' : 'file';
        const expected = expect === 'directory' ? 'folder' : 'file';
        report({ messageId: 'wrongKind', path: at, data: { what, value, actual, expected, consequence }, severity });
        return undefined;
      }
      return status;
    };

    const nonEmpty = (v: unknown): string | undefined => {
      const s = asString(v);
      return s !== undefined && s.trim() !== '' ? s : undefined;
    };

    // runtimes[]: codeLocation, entrypoint (CodeZip), Dockerfile (Container), additionalPolicies documents.
    for (const runtime of entries(project.spec, 'runtimes')) {
      const name = runtime.name ?? formatPath(runtime.path);
      const codeLocation = nonEmpty(runtime.node.codeLocation);
      if (!codeLocation) continue;
      const codeOk = checkPath(
        codeLocation,
        [...runtime.path, 'codeLocation'],
        'directory',
        `Runtime "${name}" codeLocation`,
        'It must be the folder holding the agent code (the CLI creates app/<Agent>/); packaging the agent fails without it.',
      );
      const build = asString(runtime.node.build);
      if (build === 'Container') {
        const contextPath = nonEmpty(runtime.node.buildContextPath);
        const context = contextPath ?? codeLocation;
        const contextOk = contextPath
          ? checkPath(contextPath, [...runtime.path, 'buildContextPath'], 'directory', `Runtime "${name}" buildContextPath`,
              'It is the Docker build context; the container image cannot be built without it.')
          : codeOk;
        const dockerfile = nonEmpty(runtime.node.dockerfile) ?? 'Dockerfile';
        // An unsafe dockerfile path (absolute, "..") is runtime-container-build's finding; only check safe ones.
        const safeDockerfile = /^[A-Za-z0-9._/-]+$/.test(dockerfile) && !dockerfile.startsWith('/') &&
          !dockerfile.split('/').some((segment) => segment === '' || segment === '..');
        if (contextOk && safeDockerfile) {
          const rel = within(context, dockerfile);
          checkPath(
            rel,
            runtime.node.dockerfile !== undefined ? [...runtime.path, 'dockerfile'] : [...runtime.path, 'build'],
            'file',
            `Runtime "${name}" Dockerfile`,
            '`agentcore deploy` refuses Container agents without a Dockerfile; add it or set "dockerfile" (relative to ' +
              `${contextPath ? 'buildContextPath' : 'codeLocation'}).`,
            { shown: rel },
          );
        }
      } else if (codeOk) {
        const entrypoint = nonEmpty(runtime.node.entrypoint);
        if (entrypoint) checkEntrypoint(name, runtime.node, runtime.path, codeLocation, entrypoint);
      }
      if (codeOk) {
        for (const [i, policy] of asArray(runtime.node.additionalPolicies).entries()) {
          if (typeof policy !== 'string' || policy.startsWith('arn:') || !policy.toLowerCase().endsWith('.json')) continue;
          const rel = within(codeLocation, policy);
          checkPath(rel, [...runtime.path, 'additionalPolicies', i], 'file', `Runtime "${name}" additionalPolicies document`,
            'Policy documents are resolved relative to codeLocation and attached as inline policies at deploy; fix the path.',
            { shown: rel });
        }
      }
    }

    function checkEntrypoint(name: string, node: JsonObject, at: JsonPath, codeLocation: string, entrypoint: string): void {
      const file = entrypoint.replace(/:[A-Za-z_][A-Za-z0-9_]*$/, '');
      const rel = within(codeLocation, file);
      const runtimeVersion = asString(node.runtimeVersion) ?? '';
      const isNode = runtimeVersion.startsWith('NODE_') || /\.(?:js|ts)$/.test(file);
      const epPath = [...at, 'entrypoint'];
      if (isNode && /\.(?:js|ts)$/.test(file)) {
        const js = rel.replace(/\.ts$/, '.js');
        const ts = rel.replace(/\.js$/, '.ts');
        const statuses = [files.status(js), files.status(ts)];
        if (statuses.some((s) => s.kind === 'file')) return;
        if (statuses.some((s) => s.kind === 'outside')) {
          checkPath(rel, epPath, 'file', `Runtime "${name}" entrypoint`, '');
          return;
        }
        report({ messageId: 'entrypointNode', path: epPath, data: { runtime: name, value: entrypoint, jsFile: js, tsFile: ts } });
        return;
      }
      checkPath(rel, epPath, 'file', `Runtime "${name}" entrypoint`,
        'The entrypoint is resolved inside codeLocation; the runtime cannot start without it. Fix the entrypoint or add the file.',
        { shown: entrypoint, where: ` in codeLocation (${rel})` });
    }

    // Gateway targets: OpenAPI/Smithy schema, Lambda tool schema, tool code.
    for (const target of gatewayTargets(project.spec)) {
      const owner = `Gateway "${target.gateway.name ?? formatPath(target.gateway.path)}" target "${target.name ?? formatPath(target.path)}"`;
      const inline = asObject(asObject(target.node.schemaSource)?.inline);
      const schemaPath = inline ? nonEmpty(inline.path) : undefined;
      if (schemaPath && !isS3Uri(schemaPath)) {
        checkPath(schemaPath, [...target.path, 'schemaSource', 'inline', 'path'], 'file', `${owner} schemaSource.inline.path`,
          'The schema is read from the project root at synth time, so deploy fails; fix the path or use schemaSource.s3.');
      }
      const lambda = asObject(target.node.lambdaFunctionArn);
      const toolSchema = lambda ? nonEmpty(lambda.toolSchemaFile) : undefined;
      if (toolSchema && !isS3Uri(toolSchema)) {
        checkPath(toolSchema, [...target.path, 'lambdaFunctionArn', 'toolSchemaFile'], 'file', `${owner} toolSchemaFile`,
          'The tool definitions are read from the project root at deploy; fix the path or use an s3:// URI.');
      }
      checkImplementation(target.node, target.path, owner);
    }
    for (const tool of entries(project.spec, 'mcpRuntimeTools')) {
      checkImplementation(tool.node, tool.path, `MCP runtime tool "${tool.name ?? formatPath(tool.path)}"`);
    }

    function checkImplementation(node: JsonObject, at: JsonPath, owner: string): void {
      const implementation = asObject(asObject(node.compute)?.implementation);
      const implPath = implementation ? nonEmpty(implementation.path) : undefined;
      if (!implPath) return;
      checkPath(implPath, [...at, 'compute', 'implementation', 'path'], 'any', `${owner} compute.implementation.path`,
        'It is the tool code the CLI bundles and deploys (the CLI creates app/mcp/<name>/); fix the path.');
    }

    // Knowledge-base connector configs: read and parsed by CDK synth.
    for (const kb of entries(project.spec, 'knowledgeBases')) {
      for (const [i, source] of objectsOf(kb.node.dataSources)) {
        const file = source.type !== 'S3' ? nonEmpty(source.connectorConfigFile) : undefined;
        if (!file) continue;
        checkPath(file, [...kb.path, 'dataSources', i, 'connectorConfigFile'], 'file',
          `Knowledge base "${kb.name ?? formatPath(kb.path)}" connectorConfigFile`,
          'CDK synth reads it from the project root ("Could not read connector config"), so deploy fails; fix the path.');
      }
    }

    // Policy sources: informational only.
    for (const engine of entries(project.spec, 'policyEngines')) {
      for (const [i, policy] of objectsOf(engine.node.policies)) {
        const sourceFile = nonEmpty(policy.sourceFile);
        if (!sourceFile) continue;
        checkPath(sourceFile, [...engine.path, 'policies', i, 'sourceFile'], 'file',
          `Policy "${asString(policy.name) ?? formatPath([...engine.path, 'policies', i])}" of engine "${engine.name ?? formatPath(engine.path)}" sourceFile`,
          'Only "statement" is deployed (sourceFile records where it was copied from when the policy was added); restore ' +
            'the file or remove sourceFile so the two cannot drift apart unnoticed.',
          { severity: 'warning' });
      }
    }

    // Harnesses: the folder and its harness.json, which CDK synth reads from `path`, and the app/<name>/harness.json
    // that `agentcore validate` (and deploy, before synth) reads by name when `path` names another folder.
    for (const harness of entries(project.spec, 'harnesses')) {
      const dir = nonEmpty(harness.node.path);
      if (!dir) continue;
      const name = harness.name ?? formatPath(harness.path);
      const what = `Harness "${name}"`;
      const byName = harnessFolderByName(harness.name);
      if (byName !== undefined && !sameFolder(normalizeFolder(dir), byName)) {
        const validateReads = `${byName}/harness.json`;
        const missing = files.status(validateReads).kind !== 'file';
        report({
          messageId: missing ? 'harnessPathMissing' : 'harnessPathElsewhere',
          path: [...harness.path, 'path'],
          data: { name, value: dir, byName, validateReads },
          severity: missing ? 'error' : 'warning',
        });
      }
      const ok = checkPath(dir, [...harness.path, 'path'], 'directory', `${what} path`,
        'It must be the folder holding harness.json (the CLI creates app/<Harness>/).');
      if (ok) {
        const rel = within(dir, 'harness.json');
        checkPath(rel, [...harness.path, 'path'], 'file', `${what} config`,
          'Every harness folder needs a harness.json; `agentcore validate` and deploy read it.', { shown: rel });
      }
    }

    /** Whether two project-relative folders are one (the same text, or the same folder on a case-insensitive disk). */
    function sameFolder(a: string, b: string): boolean {
      if (a === b) return true;
      const [sa, sb] = [files.status(a), files.status(b)];
      return sa.kind === 'directory' && sb.kind === 'directory' && realpathOr(sa.absolute) === realpathOr(sb.absolute);
    }
  },
});
