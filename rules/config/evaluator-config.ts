import { defineRule } from '../../src/rule.js';
import { isObject } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { shownName } from '../../src/util/refinements.js';

export default defineRule({
  meta: {
    id: 'evaluator-config',
    code: 'AC120',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'A custom evaluator is either LLM-as-a-judge or code-based, a code-based one either managed or external, and a rating scale either numerical or categorical.',
    rationale:
      'A custom evaluator (`evaluators[]`) is defined by exactly one kind of configuration, and the service ' +
      'accepts exactly one rating scale kind. The `.refine`s in `dist/schema/schemas/primitives/evaluator.js` of ' +
      '`@aws/agentcore` 0.30.0 require exactly one of `config.llmAsAJudge`/`config.codeBased`, exactly one of ' +
      '`codeBased.managed` (code the CLI deploys)/`codeBased.external` (an existing Lambda), and exactly one of ' +
      '`ratingScale.numerical`/`ratingScale.categorical` ("Config must have either llmAsAJudge or codeBased, not ' +
      'both").',
    messages: {
      configKind:
        'Evaluator {{name}}: config must have either llmAsAJudge or codeBased, not {{what}}.',
      codeBasedKind:
        'Evaluator {{name}}: codeBased config must have either managed (code the CLI deploys) or external (an existing Lambda), not {{what}}.',
      ratingScaleKind:
        'Evaluator {{name}}: the rating scale must have either numerical or categorical ratings, not {{what}}.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    /** `Boolean(a) !== Boolean(b)` on parsed optional objects/arrays; '' when fine, else 'both' or 'neither'. */
    const exactlyOne = (a: unknown, b: unknown): string => (Boolean(a) === Boolean(b) ? (a ? 'both' : 'neither') : '');
    for (const evaluator of entries(project.spec, 'evaluators')) {
      const config = evaluator.node.config;
      if (!isObject(config)) continue;
      const name = shownName(evaluator.name, evaluator.path);
      const configPath = [...evaluator.path, 'config'];
      const { llmAsAJudge, codeBased } = config;
      if ([llmAsAJudge, codeBased].every((v) => v === undefined || isObject(v))) {
        const what = exactlyOne(llmAsAJudge, codeBased);
        if (what) report({ messageId: 'configKind', data: { name, what }, path: configPath, target: 'key' });
      }
      if (isObject(codeBased) && [codeBased.managed, codeBased.external].every((v) => v === undefined || isObject(v))) {
        const what = exactlyOne(codeBased.managed, codeBased.external);
        if (what) report({ messageId: 'codeBasedKind', data: { name, what }, path: [...configPath, 'codeBased'], target: 'key' });
      }
      const scale = isObject(llmAsAJudge) ? llmAsAJudge.ratingScale : undefined;
      if (isObject(scale) && [scale.numerical, scale.categorical].every((v) => v === undefined || Array.isArray(v))) {
        const what = exactlyOne(scale.numerical, scale.categorical);
        if (what) {
          report({ messageId: 'ratingScaleKind', data: { name, what }, path: [...configPath, 'llmAsAJudge', 'ratingScale'], target: 'key' });
        }
      }
    }
  },
});
