import { defineRule } from '../../src/rule.js';
import type { JsonDocument } from '../../src/json/document.js';
import { isLegacyProjectFile } from '../../src/schema/legacy.js';
import { validateAgainstSchema, type SchemaKind } from '../../src/schema/validate.js';
import { findingsKept } from '../../src/project.js';

export default defineRule({
  meta: {
    id: 'schema',
    code: 'AC001',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'agentcore.json, aws-targets.json, .cli/deployed-state.json and each harness\'s harness.json must match the ' +
      'AgentCore CLI schema (types, required fields, allowed values, name patterns, unknown keys in strict objects).',
    rationale:
      '`agentcore validate`, `dev` and `deploy` parse these files with the CLI\'s zod schemas and stop at the first ' +
      'file that fails; a harness\'s `app/<name>/harness.json` is checked after agentcore.json ("Invalid harness ' +
      'configuration"). agentcore-lint checks the same schemas, generated from `@aws/agentcore` 0.30.0 ' +
      '(`schemas/SOURCE.md`) in input mode, so fields with defaults stay optional as the CLI treats them. Only ' +
      '`name` and `version` are required in agentcore.json; the root, gateways, targets and several blocks are ' +
      'strict, so an unknown key there is an error (unknown keys in loose objects are silently dropped instead: ' +
      'see `unknown-key`). Each problem is reported at the key or value concerned, in plain words, with the CLI\'s ' +
      'own wording where it has one; a failed alternative (for example a credential\'s `authorizerType`) is ' +
      'reported once, for the form you most likely meant. Legacy pre-CLI files are left to `legacy-project-file`. ' +
      'Cross-field rules (unique names, references, per-target-type fields; harness.json\'s in `harness-config`) are ' +
      'checked by their own rules; the ' +
      'aws-targets.json presence and the deployed-state target names by `aws-targets`.',
    messages: { issue: '{{message}}' },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const documents: Array<[JsonDocument | undefined, SchemaKind]> = [
      [project.config, 'agentcore'],
      [project.awsTargets, 'awsTargets'],
      [project.deployedState, 'deployedState'],
      ...project.harnesses.map((harness): [JsonDocument, SchemaKind] => [harness.doc, 'harness']),
    ];
    for (const [doc, kind] of documents) {
      // Unparseable files are json-syntax's; legacy project files get one finding from legacy-project-file.
      if (doc?.value === undefined) continue;
      // A staged .cedar or tool schema alone: the findings would be dropped, so the validators are not even loaded.
      if (!findingsKept(project, doc.file)) continue;
      if (kind === 'agentcore' && isLegacyProjectFile(doc.value)) continue;
      for (const issue of validateAgainstSchema(kind, doc.value)) {
        report({ messageId: 'issue', data: { message: issue.message }, doc, path: issue.path, target: issue.target });
      }
    }
  },
});
