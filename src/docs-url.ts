/** Where each rule's generated documentation lives (docs/rules/<id>.md in this repository). */
export const DOCS_BASE_URL = 'https://github.com/agentcore-lint/agentcore-lint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
