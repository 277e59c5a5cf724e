import { defineRule, type SourceDigest } from '../../src/rule.js';
import { gatewayUrlEnvVar } from '../../src/agentcore/env-names.js';
import type { SourceFacts } from '../../src/source/facts.js';
import { projectSources } from '../../src/source/project-sources.js';
import { asString } from '../../src/util/json-value.js';
import { gateways } from '../../src/util/spec.js';
import { posixRelative } from '../../src/util/paths.js';

/** What the runtime code reads: variable names, and whether some code enumerates all gateway variables. */
export interface GatewayReads {
  names: Set<string>;
  /** `for k in os.environ if k.startswith("AGENTCORE_GATEWAY_")`, `f"AGENTCORE_GATEWAY_{name}_URL"`: all count as read. */
  dynamic: boolean;
}

export function gatewayReads(all: Iterable<SourceFacts>): GatewayReads {
  const reads: GatewayReads = { names: new Set(), dynamic: false };
  for (const facts of all) {
    for (const read of facts.envReads) if (read.name) reads.names.add(read.name);
    for (const s of facts.strings) {
      // A name held in a string (a constant passed on, a config table) counts as read.
      for (const m of s.value.matchAll(/AGENTCORE_GATEWAY_[A-Z0-9_]+_URL/g)) reads.names.add(m[0]);
      if (/^AGENTCORE_GATEWAY_(?:\{\})?$|AGENTCORE_GATEWAY_\{\}/.test(s.value)) reads.dynamic = true;
    }
  }
  return reads;
}

/** Agent frameworks' agent constructors and MCP clients, by canonical callee. */
const AGENT_OR_MCP = /(?:^|[./])[A-Za-z_]*(?:mcp|MCP)[A-Za-z_]*(?:[.(]|$)|(?:^|\.)(?:Agent|LlmAgent|AssistantAgent|create_react_agent|create_agent|generateText|streamText|Client)$/;

/** Whether the code builds an agent or an MCP client (the places a gateway's tools would be plugged in). */
export function buildsAgentOrToolClient(facts: SourceFacts): boolean {
  return facts.calls.some((call) => call.callee !== undefined && AGENT_OR_MCP.test(call.callee) && !/^(?:boto3|httpx|requests|openai|anthropic)\./.test(call.callee));
}

/** A deployed gateway's URL: `https://<gateway id>.gateway.bedrock-agentcore.<region>.amazonaws.com/mcp`. */
const DEPLOYED_GATEWAY_URL = /^https:\/\/([a-z0-9-]+)\.gateway\.bedrock-agentcore\.[a-z0-9-]+\.amazonaws\.com(?:[/:?#]|$)/i;

/** The gateway ids of the deployed gateway URLs a file writes out in its strings. */
function hardCodedGatewayIds(facts: SourceFacts): string[] {
  const ids: string[] = [];
  for (const s of facts.strings) {
    const id = DEPLOYED_GATEWAY_URL.exec(s.value.trim())?.[1];
    if (id) ids.push(id.toLowerCase());
  }
  return ids;
}

/**
 * What one runtime file contributes: the gateway variables it reads, whether it builds an agent or MCP client, and
 * the ids of the deployed gateway URLs it holds.
 */
const GATEWAY_USE: SourceDigest<{ reads: GatewayReads; buildsAgentOrToolClient: boolean; hardCodedIds: string[] }> = {
  of: (facts) => ({
    reads: gatewayReads([facts]),
    buildsAgentOrToolClient: buildsAgentOrToolClient(facts),
    hardCodedIds: hardCodedGatewayIds(facts),
  }),
};

export default defineRule({
  meta: {
    id: 'gateway-url-unread',
    code: 'AC055',
    category: 'source',
    defaultSeverity: 'warning',
    description: 'Every declared gateway should be used: some runtime code should read its AGENTCORE_GATEWAY_<NAME>_URL.',
    rationale:
      'A gateway reaches an agent only through the `AGENTCORE_GATEWAY_<NAME>_URL` variable deploy sets on every runtime ' +
      '(agentcore-facts.md §3). The CLI writes the code that reads it only into Python agents created while the gateway ' +
      'already existed: TypeScript templates never read it, and agents added before the gateway do not either (§6). ' +
      'Such a gateway is deployed and billed, its targets and policies are configured, and no agent can call its tools. ' +
      'Code may instead hold the gateway\'s URL written out (`https://<id>.gateway.bedrock-agentcore.<region>.amazonaws.com`, ' +
      'the id starting with `<project>-<gateway>-` in lower case): that reaches one deployment only, since the URL ' +
      'changes when the gateway is re-created or deployed to another account or region; the message then names the file. ' +
      'The rule reads every runtime\'s source files (agent and MCP-server roles, parsed once per run and shared with ' +
      'the file rules). It runs when a whole project is linted (a folder, as in CI), not when files are named (pre-commit, ' +
      'even with agentcore.json staged, so commits stay fast), and stays silent when a runtime file cannot be read, or the code ' +
      'builds neither an agent nor an MCP client (a stub has nowhere to plug the tools in).',
    messages: {
      unread:
        'Gateway "{{gateway}}" sets {{variable}} on every runtime, but no runtime code reads it ({{files}} scanned), so ' +
        'no agent can call its tools. Read it in the agent (`os.environ.get("{{variable}}")` / ' +
        '`process.env.{{variable}}`, checking that it is set) and connect an MCP client, or remove the gateway.',
      hardCoded:
        'Gateway "{{gateway}}" sets {{variable}} on every runtime, but no runtime code reads it: {{file}} holds the ' +
        'gateway\'s deployed URL written out instead, which changes when the gateway is re-created or deployed to ' +
        'another account or region. Read {{variable}} instead (`os.environ.get("{{variable}}")` / ' +
        '`process.env.{{variable}}`, checking that it is set).',
    },
    officialParity: false,
    requiresProject: true,
  },
  sourceDigests: [GATEWAY_USE],
  check({ project, report }) {
    const sources = projectSources(project);
    if (!sources || !sources.complete) return;
    const files = sources.filesWith('agent', 'mcp-server');
    if (files.length === 0) return; // no runtime code (harness projects, code elsewhere): nothing to compare
    const reads: GatewayReads = { names: new Set(), dynamic: false };
    let buildsAgentOrClient = false;
    const hardCoded: Array<{ id: string; file: string }> = [];
    for (const file of files) {
      const use = sources.digest(file, GATEWAY_USE);
      if (!use) return; // unreadable or no parser: do not guess
      for (const id of use.hardCodedIds) hardCoded.push({ id, file });
      for (const name of use.reads.names) reads.names.add(name);
      reads.dynamic ||= use.reads.dynamic;
      buildsAgentOrClient ||= use.buildsAgentOrToolClient;
    }
    // Only real agent code can be missing a gateway: a stub that builds no agent and no MCP client says nothing.
    if (!buildsAgentOrClient) return;
    if (reads.dynamic) return;
    const projectName = asString(project.spec?.name);
    for (const gateway of gateways(project.spec)) {
      if (!gateway.name) continue;
      const variable = gatewayUrlEnvVar(gateway.name);
      if (reads.names.has(variable)) continue;
      // Deploy names a gateway `<project>-<gateway>`, and its id is that name, in lower case, and a suffix.
      const idPrefix = `${projectName}-${gateway.name}-`.toLowerCase();
      const written = projectName ? hardCoded.find((h) => h.id.startsWith(idPrefix)) : undefined;
      if (written) {
        const file = posixRelative(project.root, written.file);
        report({ messageId: 'hardCoded', path: [...gateway.path, 'name'], data: { gateway: gateway.name, variable, file } });
        continue;
      }
      report({
        messageId: 'unread',
        path: [...gateway.path, 'name'],
        data: { gateway: gateway.name, variable, files: files.length === 1 ? '1 file' : `${files.length} files` },
      });
    }
  },
});
