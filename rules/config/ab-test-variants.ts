import { defineRule } from '../../src/rule.js';
import { isObject, objectsOf } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { enumValue, shownName } from '../../src/util/refinements.js';

export default defineRule({
  meta: {
    id: 'ab-test-variants',
    code: 'AC119',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'An A/B test has one control (C) and one treatment (T1) variant, weights summing to 100, and variant configurations that match its mode.',
    rationale:
      'An A/B test splits a gateway\'s traffic between a control variant `C` and a treatment `T1`. The `.refine` ' +
      'chain of `ABTestSchema` (`dist/schema/schemas/primitives/ab-test.js` of `@aws/agentcore` 0.30.0) requires ' +
      'both variant names, weights that add up to 100 (percent of traffic), and in `target-based` mode a ' +
      '`target` on every variant, in `config-bundle` mode (the default) a `configurationBundle` on every ' +
      'variant. Whether the gateway and targets exist is checked by cross-references.',
    messages: {
      controlAndTreatment:
        'AB test {{name}}: variants must include exactly one control (C) and one treatment (T1); it has {{names}}.',
      weights: 'AB test {{name}}: variant weights must sum to 100 (they sum to {{sum}}).',
      modeMismatch:
        'AB test {{name}} is in {{mode}} mode, so every variant needs variantConfiguration.{{field}}; variant {{variant}} has none.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const test of entries(project.spec, 'abTests')) {
      if (!Array.isArray(test.node.variants)) continue;
      const variants = objectsOf(test.node.variants);
      const name = shownName(test.name, test.path);
      const variantsPath = [...test.path, 'variants'];
      const names = variants.map(([, v]) => v.name);
      if (names.every((n) => typeof n === 'string')) {
        if (!names.includes('C') || !names.includes('T1')) {
          report({
            messageId: 'controlAndTreatment',
            data: { name, names: names.length ? names.map((n) => `"${String(n)}"`).join(', ') : 'none' },
            path: variantsPath,
            target: 'key',
          });
        }
      }
      const weights = variants.map(([, v]) => v.weight);
      if (weights.every((w) => typeof w === 'number')) {
        const sum = (weights as number[]).reduce((a, b) => a + b, 0);
        if (sum !== 100) report({ messageId: 'weights', data: { name, sum }, path: variantsPath, target: 'key' });
      }
      const mode = enumValue(test.node.mode, ['config-bundle', 'target-based'] as const, 'config-bundle');
      if (!mode) continue;
      const field = mode === 'target-based' ? 'target' : 'configurationBundle';
      for (const [i, variant] of variants) {
        const config = variant.variantConfiguration;
        if (!isObject(config) || (config[field] !== undefined && config[field] !== null)) continue;
        report({
          messageId: 'modeMismatch',
          data: { name, mode, field, variant: typeof variant.name === 'string' ? `"${variant.name}"` : `#${i}` },
          path: [...variantsPath, i, 'variantConfiguration'],
          target: 'key',
        });
      }
    }
  },
});
