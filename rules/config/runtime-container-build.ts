import { defineRule } from '../../src/rule.js';
import { isObject } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { enumValue, nonEmptyString, shownName } from '../../src/util/refinements.js';

const CONTAINER_ONLY = ['dockerfile', 'buildContextPath', 'customDockerBuildArgs'] as const;

/** `RESERVED_BUILD_ARG_KEYS` in `dist/schema/schemas/agent-env.js`, plus the CODEBUILD_ and AWS_ prefixes. */
const RESERVED_BUILD_ARG_KEYS = [
  'ECR_REGISTRY', 'IMAGE_URI', 'DOCKERFILE_PATH', 'BUILD_ARG_FLAGS', 'PATH', 'HOME', 'IFS', 'LD_PRELOAD',
  'LD_LIBRARY_PATH', 'DOCKER_HOST', 'DOCKER_CONFIG', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH',
];

function isReservedBuildArgKey(key: string): boolean {
  return RESERVED_BUILD_ARG_KEYS.includes(key) || key.startsWith('CODEBUILD_') || key.startsWith('AWS_');
}

/** `isValidDockerfilePath` in `dist/schema/schemas/agent-env.js`. */
function isValidDockerfilePath(p: string): boolean {
  if (!/^[A-Za-z0-9._/-]+$/.test(p)) return false;
  if (p.startsWith('/')) return false;
  return !p.split('/').some((segment) => segment === '' || segment === '..');
}

function hasControlCharacter(value: string): boolean {
  return [...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
}

export default defineRule({
  meta: {
    id: 'runtime-container-build',
    code: 'AC110',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'dockerfile, buildContextPath and customDockerBuildArgs only on Container builds; safe Dockerfile path; build args not reserved and free of control characters.',
    rationale:
      'The Container-build settings of a runtime are refined in `dist/schema/schemas/agent-env.js` of ' +
      '`@aws/agentcore` 0.30.0. `dockerfile`, `buildContextPath` and `customDockerBuildArgs` are only used by ' +
      'Container builds, so `AgentEnvSpecSchema.superRefine` rejects them on CodeZip runtimes rather than ignore ' +
      'them. `dockerfile` must be a relative path inside the build context (`isValidDockerfilePath`: letters, ' +
      'digits, `.`, `-`, `_`, `/`; no leading slash, no `..`, no empty segment), because the deploy buildspec ' +
      'passes it unquoted to `docker build -f`. Each build arg becomes a CodeBuild environment variable override, ' +
      'so keys used by the buildspec or the build shell (`ECR_REGISTRY`, `IMAGE_URI`, `PATH`, `HOME`, ' +
      '`DOCKER_HOST`, …, `CODEBUILD_*`, `AWS_*`) are reserved, and values must not contain control characters ' +
      '(newlines), which StartBuild rejects.',
    messages: {
      containerOnly:
        '{{field}} is only allowed for Container builds; runtime {{name}} has build "{{build}}". Remove it or set "build": "Container".',
      dockerfilePath:
        'dockerfile "{{value}}" of runtime {{name}} must be a relative path within the build context: a filename or forward-slash subpath using only letters, digits, dot, dash, underscore and slash; no leading slash, no ".." and no empty segments (no trailing or double slash).',
      reservedBuildArg:
        'customDockerBuildArgs key "{{key}}" of runtime {{name}} is reserved by the build environment (the buildspec and shell use it; CODEBUILD_* and AWS_* are reserved too); rename the build arg.',
      buildArgControl:
        'Build arg "{{key}}" of runtime {{name}} contains control characters (such as a newline), which CodeBuild rejects; use a single-line value.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const runtime of entries(project.spec, 'runtimes')) {
      const node = runtime.node;
      const name = shownName(runtime.name, runtime.path);
      const build = enumValue(node.build, ['CodeZip', 'Container'] as const);
      if (build && build !== 'Container') {
        for (const field of CONTAINER_ONLY) {
          const value = node[field];
          const set = field === 'customDockerBuildArgs' ? isObject(value) : nonEmptyString(value);
          if (set) report({ messageId: 'containerOnly', data: { field, name, build }, path: [...runtime.path, field], target: 'key' });
        }
      }
      if (typeof node.dockerfile === 'string' && !isValidDockerfilePath(node.dockerfile)) {
        report({ messageId: 'dockerfilePath', data: { value: node.dockerfile, name }, path: [...runtime.path, 'dockerfile'] });
      }
      const args = node.customDockerBuildArgs;
      if (!isObject(args)) continue;
      for (const [key, value] of Object.entries(args)) {
        const argPath = [...runtime.path, 'customDockerBuildArgs', key];
        if (isReservedBuildArgKey(key)) report({ messageId: 'reservedBuildArg', data: { key, name }, path: argPath, target: 'key' });
        if (typeof value === 'string' && hasControlCharacter(value)) {
          report({ messageId: 'buildArgControl', data: { key, name }, path: argPath });
        }
      }
    }
  },
});
