/** The formatter seam: `--format <name>` picks one of these. Later formats (sarif, github, junit) plug in here. */
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
};

export type { Formatter, FormatContext } from './types.js';
