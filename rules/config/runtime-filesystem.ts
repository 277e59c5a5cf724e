import { defineRule } from '../../src/rule.js';
import { isObject, objectsOf } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { enumValue, shownName } from '../../src/util/refinements.js';

const KINDS = ['sessionStorage', 'efsAccessPoint', 's3FilesAccessPoint', 'capacityProviderVolume'] as const;
type Kind = (typeof KINDS)[number];

/** Service limits per runtime (`dist/schema/schemas/agent-env.js`). */
const MAX_TOTAL = 5;
const MAX_PER_KIND: Partial<Record<Kind, number>> = { efsAccessPoint: 2, s3FilesAccessPoint: 2, sessionStorage: 1 };

export default defineRule({
  meta: {
    id: 'runtime-filesystem',
    code: 'AC111',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'A runtime\'s filesystemConfigurations respect the service limits, have unique mount paths, and EFS/S3 Files mounts need VPC, volume mounts a capacity provider.',
    rationale:
      'AgentCore Runtime mounts at most 5 filesystems per runtime: at most 1 `sessionStorage`, 2 ' +
      '`efsAccessPoint` and 2 `s3FilesAccessPoint`. EFS and S3 Files access points are reached through the ' +
      'runtime\'s VPC, so they need `networkMode: "VPC"`; a `capacityProviderVolume` is a volume of the attached ' +
      'capacity provider, so it needs `capacityProviderConfiguration`; two mounts cannot share a mount path ' +
      '(a trailing slash does not make it different). The `superRefine` of `AgentEnvSpecSchema` ' +
      '(`dist/schema/schemas/agent-env.js` of `@aws/agentcore` 0.30.0) enforces all of this ("Maximum 1 ' +
      'sessionStorage configuration allowed", "Filesystem mount paths must be unique").',
    messages: {
      tooMany: 'Runtime {{name}} has {{count}} filesystem configurations; the maximum is 5. Remove some.',
      tooManyOfKind: 'Runtime {{name}} has more than {{max}} {{kind}} configuration{{plural}} (maximum {{max}}); remove this one.',
      needsVpc:
        'efsAccessPoint and s3FilesAccessPoint mounts require networkMode VPC; runtime {{name}} is {{mode}}. Set "networkMode": "VPC" with a networkConfig, or remove the mount.',
      needsCapacityProvider:
        'capacityProviderVolume mounts require the runtime to be attached to a capacity provider; set capacityProviderConfiguration on runtime {{name}} or remove the mount.',
      duplicateMountPath: 'Filesystem mount paths must be unique: runtime {{name}} mounts "{{mountPath}}" twice.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const runtime of entries(project.spec, 'runtimes')) {
      const node = runtime.node;
      if (!Array.isArray(node.filesystemConfigurations)) continue;
      const name = shownName(runtime.name, runtime.path);
      const fsPath = [...runtime.path, 'filesystemConfigurations'];
      // Entries are strict one-key objects; anything else is the schema rule's finding.
      const mounts: Array<{ index: number; kind: Kind; mountPath: unknown }> = [];
      for (const [index, fc] of objectsOf(node.filesystemConfigurations)) {
        const keys = Object.keys(fc);
        if (keys.length !== 1 || !(KINDS as readonly string[]).includes(keys[0])) continue;
        const kind = keys[0] as Kind;
        const body = fc[kind];
        mounts.push({ index, kind, mountPath: isObject(body) ? body.mountPath : undefined });
      }
      if (node.filesystemConfigurations.length === 0) continue;
      const at = (index: number, kind: Kind) => ({ path: [...fsPath, index, kind], target: 'key' as const });

      const firstCpVolume = mounts.find((m) => m.kind === 'capacityProviderVolume');
      if (firstCpVolume && !isObject(node.capacityProviderConfiguration)) {
        report({ messageId: 'needsCapacityProvider', data: { name }, ...at(firstCpVolume.index, firstCpVolume.kind) });
      }
      if (node.filesystemConfigurations.length > MAX_TOTAL) {
        report({ messageId: 'tooMany', data: { name, count: node.filesystemConfigurations.length }, path: fsPath, target: 'key' });
      }
      for (const kind of ['efsAccessPoint', 's3FilesAccessPoint', 'sessionStorage'] as const) {
        const max = MAX_PER_KIND[kind]!;
        const ofKind = mounts.filter((m) => m.kind === kind);
        if (ofKind.length > max) {
          const extra = ofKind[max];
          report({ messageId: 'tooManyOfKind', data: { name, max, kind, plural: max === 1 ? '' : 's' }, ...at(extra.index, kind) });
        }
      }
      const firstByo = mounts.find((m) => m.kind === 'efsAccessPoint' || m.kind === 's3FilesAccessPoint');
      const mode = enumValue(node.networkMode, ['PUBLIC', 'VPC'] as const);
      if (firstByo && mode !== null && mode !== 'VPC') {
        report({ messageId: 'needsVpc', data: { name, mode: mode ?? 'unset (PUBLIC)' }, ...at(firstByo.index, firstByo.kind) });
      }
      const seen = new Set<string>();
      for (const mount of mounts) {
        if (typeof mount.mountPath !== 'string') continue;
        const normalized = mount.mountPath.replace(/\/$/, '');
        if (seen.has(normalized)) {
          report({
            messageId: 'duplicateMountPath',
            data: { name, mountPath: normalized },
            path: [...fsPath, mount.index, mount.kind, 'mountPath'],
          });
        }
        seen.add(normalized);
      }
    }
  },
});
