import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, posixRelative, relativeInside } from '../src/util/paths.js';

const root = path.resolve('/repo');
const at = (...parts: string[]) => path.join(root, ...parts);

describe('path helpers', () => {
  it('posixRelative gives `/`-separated paths, outside ones included', () => {
    expect(posixRelative(root, at('agentcore', 'agentcore.json'))).toBe('agentcore/agentcore.json');
    expect(posixRelative(at('app'), at('agentcore', 'x.cedar'))).toBe('../agentcore/x.cedar');
    expect(posixRelative(root, root)).toBe('');
  });

  it('relativeInside answers only for files strictly inside the folder', () => {
    expect(relativeInside(root, at('app', 'main.py'))).toBe('app/main.py');
    expect(relativeInside(root, at('..foo', 'a.ts'))).toBeUndefined(); // kept as before: a leading `..` reads as outside
    expect(relativeInside(at('app'), at('lib', 'x.ts'))).toBeUndefined();
    expect(relativeInside(root, root)).toBeUndefined();
  });

  it('isInside counts the folder itself', () => {
    expect(isInside(root, root)).toBe(true);
    expect(isInside(root, at('a', 'b'))).toBe(true);
    expect(isInside(at('a'), at('b'))).toBe(false);
  });
});
