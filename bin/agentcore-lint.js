#!/usr/bin/env node
// Thin launcher: the CLI is compiled by `npm run build` into dist/ and bundled into dist/cli/ (fast start-up).
import { main } from '../dist/cli/cli.js';

process.exitCode = await main(process.argv.slice(2));
