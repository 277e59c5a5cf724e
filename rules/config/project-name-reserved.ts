import { defineRule } from '../../src/rule.js';
import { asString } from '../../src/util/json-value.js';

/** `RESERVED_PROJECT_NAMES` in `dist/schema/constants.js` of @aws/agentcore 0.30.0 (compared case-insensitively). */
const RESERVED_PROJECT_NAMES = [
  'anthropic', 'autogen', 'autogenagentchat', 'autogenext', 'bedrock', 'bedrockagentcore', 'googleadk',
  'googlegenerativeai', 'langchain', 'langchainanthropic', 'langchainaws', 'langchaingooglegenai',
  'langchainmcpadapters', 'langchainopenai', 'langgraph', 'mcp', 'openai', 'openaiagents', 'strands',
  'strandsagents', 'strandsagentstools', 'agui', 'aguistrands', 'aguilanggraph', 'aguiadk', 'aguiprotocol',
  'vercelai', 'aisdk', 'httpx', 'pytest', 'pytestasyncio', 'pythondotenv', 'hatchling', 'setuptools', 'wheel',
  'awsopentelemetrydistro', 'boto3', 'botocore', 'test', 'tests', 'src', 'lib', 'dist', 'build', 'env', 'venv',
  'site', 'pip', 'uv',
];

export default defineRule({
  meta: {
    id: 'project-name-reserved',
    code: 'AC101',
    category: 'config',
    defaultSeverity: 'error',
    description: 'The project name must not be the name of a package the agent templates depend on.',
    rationale:
      'The official `ProjectNameSchema` (`dist/schema/schemas/agentcore-project.js` of `@aws/agentcore` 0.30.0) ' +
      'refines the project `name` with `isReservedProjectName` (`dist/schema/constants.js`): a project named like ' +
      'one of the template dependencies (`strands`, `openai`, `boto3`, `mcp`, `test`, …, compared ' +
      'case-insensitively) makes uv/pip resolve the project itself instead of the dependency. `agentcore validate` ' +
      'rejects it with "This name conflicts with a reserved package dependency."',
    messages: {
      reserved:
        'Project name "{{name}}" conflicts with the reserved package dependency "{{reserved}}" (uv/pip would resolve the project instead of the package). Choose a different name.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const name = asString(project.spec?.name);
    if (name === undefined) return;
    const lower = name.toLowerCase();
    if (!RESERVED_PROJECT_NAMES.includes(lower)) return;
    report({ messageId: 'reserved', data: { name, reserved: lower }, path: ['name'] });
  },
});
