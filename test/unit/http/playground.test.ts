import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PLAYGROUND_ASSETS } from '../../../src/http/playground';

/** @fastify/static serves the playground's folders, but only the file names on this allow-list. */
describe('the playground assets', () => {
  it('lists the files the page loads, and each exists in one of the served folders', () => {
    expect([...PLAYGROUND_ASSETS.names].sort()).toEqual(
      ['graphiql.min.css', 'graphiql.min.js', 'playground.js', 'react-dom.production.min.js', 'react.production.min.js'],
    );
    for (const name of PLAYGROUND_ASSETS.names) expect(PLAYGROUND_ASSETS.roots.some((root) => existsSync(join(root, name)))).toBe(true);
  });

  it.each(['../package.json', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'graphiql.min.js.map'])('allows nothing else: %j', (name) => {
    expect(PLAYGROUND_ASSETS.names.has(name)).toBe(false);
  });
});
