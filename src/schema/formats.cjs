'use strict';
/**
 * String formats of the precompiled agentcore.json validators (scripts/build-validators.mjs copies this file to
 * dist/validators/formats.cjs, and the validators require it from there).
 *
 * The schema's `"format": "uri"` comes from zod's `z.string().url()` in the official CLI. zod checks that the
 * trimmed string parses as a WHATWG URL (`new URL(value.trim())`), which is both looser than RFC 3986 (spaces,
 * `{id}`, non-ASCII paths) and stricter (ports above 65535, `https://` with no host): ajv-formats' RFC 3986 regex
 * disagreed with `agentcore validate` both ways. Node's URL parser is the one the CLI uses.
 */
module.exports = {
  uri: (value) => URL.canParse(value.trim()),
};
