/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: rule metadata, relative URIs against
 * %SRCROOT%, regions in UTF-16 columns (SARIF's default columnKind, which is what every finding carries), and
 * partial fingerprints that do not depend on line numbers, so unrelated edits do not reopen alerts.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, Severity } from '../types.js';
import { docsUrl } from '../docs-url.js';
import { relativeInside } from '../util/paths.js';
import type { Formatter } from './types.js';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT_KEY = 'agentcoreLint/v1';
/**
 * GitHub code scanning rejects the whole upload when a run holds more results than this ("SARIF results exceed
 * limits": a hard limit). Beyond it the most severe are kept and the run says how many were left out.
 */
export const SARIF_RESULT_LIMIT = 25_000;
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const formatSarif: Formatter = (allFindings, { cwd, rules, version, notify }) => {
  const findings = mostSevere(allFindings, SARIF_RESULT_LIMIT);
  const omitted = allFindings.length - findings.length;
  const usedRuleIds = [...new Set(findings.map((f) => f.ruleId))];
  const metaById = new Map(rules.map((r) => [r.id, r]));
  // Describe every rule that has a result, in a stable order, so ruleIndex is meaningful.
  const driverRules: Sarif.ReportingDescriptor[] = usedRuleIds.sort().map((id) => {
    const meta = metaById.get(id);
    return {
      id,
      name: id,
      shortDescription: { text: meta?.description ?? id },
      fullDescription: { text: meta?.rationale ?? meta?.description ?? id },
      helpUri: docsUrl(id),
      help: { text: `${meta?.description ?? id} See ${docsUrl(id)}` },
      defaultConfiguration: { level: LEVEL[meta?.defaultSeverity ?? 'error'] },
      properties: { tags: meta ? [meta.category, meta.code] : ['internal'] },
    };
  });
  const ruleIndex = new Map(driverRules.map((r, i) => [r.id, i]));
  // Counted over every finding, so that leaving some out never changes the fingerprints of the others.
  const fingerprints = fingerprintsOf(allFindings, cwd);

  const results: Sarif.Result[] = findings.map((f) => {
    const relative = relativeInside(cwd, f.file);
    const artifactLocation: Sarif.ArtifactLocation = relative
      ? { uri: encodeURI(relative), uriBaseId: '%SRCROOT%' }
      : { uri: pathToFileURL(f.file).href };
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            region: {
              startLine: f.range.start.line,
              startColumn: f.range.start.column,
              endLine: f.range.end.line,
              // SARIF regions are end-exclusive like ours, but must not be empty on one line.
              endColumn: Math.max(f.range.end.column, f.range.end.line === f.range.start.line ? f.range.start.column + 1 : 1),
            },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.get(f)! },
    };
  });
  let invocations: Sarif.Invocation[] | undefined;
  if (omitted > 0) {
    const text =
      `${omitted} of ${allFindings.length} findings were left out of the SARIF report: GitHub code scanning rejects a run ` +
      `with more than ${SARIF_RESULT_LIMIT.toLocaleString('en-US')} results. The most severe were kept; --format json lists every finding.`;
    invocations = [{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'warning', message: { text } }] }];
    notify?.(text);
  }

  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'agentcore-lint',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/agentcore-lint/agentcore-lint',
            rules: driverRules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        ...(invocations && { invocations }),
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

/** At most `limit` findings, errors first, then warnings, then the rest, each kept in its original order. */
function mostSevere(findings: readonly Finding[], limit: number): readonly Finding[] {
  if (findings.length <= limit) return findings;
  const kept = new Set(
    findings
      .map((finding, index) => ({ finding, index }))
      .sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.index - b.index)
      .slice(0, limit)
      .map(({ finding }) => finding),
  );
  return findings.filter((f) => kept.has(f));
}

/** Identity without line numbers: rule, file and what was said; repeated identical findings get a count. */
function fingerprintsOf(findings: readonly Finding[], cwd: string): Map<Finding, string> {
  const occurrences = new Map<string, number>();
  const fingerprints = new Map<Finding, string>();
  for (const f of findings) {
    const identity = `${f.ruleId}\u0000${relativeInside(cwd, f.file) ?? f.file}\u0000${withoutLineNumbers(f.fingerprintText ?? f.message)}`;
    const occurrence = (occurrences.get(identity) ?? 0) + 1;
    occurrences.set(identity, occurrence);
    fingerprints.set(f, `${sha256(identity).slice(0, 32)}:${occurrence}`);
  }
  return fingerprints;
}

/** Messages may mention other lines ("read on line 15"); those numbers must not move a fingerprint either. */
function withoutLineNumbers(message: string): string {
  return message.replace(/\b(lines?) \d+(?:[-–]\d+)?\b/gi, '$1 #').replace(/\b\d+:\d+\b/g, '#:#');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
