import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadExamples } from '../docs/examples';
import { ROOT } from '../paths';

/**
 * The playground: GraphiQL, served from this process's node_modules (no CDN: many users are in mainland China),
 * opened with the example queries of docs/examples as tabs. app.ts serves the files below with @fastify/static.
 */

// Direct dependencies, so npm installs them at the top of node_modules. (react's package "exports" hide its
// umd/ folder from require.resolve, hence plain paths.)
const modules = join(ROOT, 'node_modules');
const ASSET_FILES = [
  join(modules, 'react/umd/react.production.min.js'),
  join(modules, 'react-dom/umd/react-dom.production.min.js'),
  join(modules, 'graphiql/graphiql.min.js'),
  join(modules, 'graphiql/graphiql.min.css'),
  join(ROOT, 'src/http/assets/playground.js'),
];

export const ASSET_PREFIX = '/playground/';

/** The folders the assets are in, and the file names that may be served from them (nothing else is). */
export const PLAYGROUND_ASSETS = {
  roots: [...new Set(ASSET_FILES.map((f) => dirname(f)))],
  names: new Set(ASSET_FILES.map((f) => f.slice(dirname(f).length + 1))),
};

export function playgroundPage(): string {
  const tabs = loadExamples().map((e) => ({ query: `# ${e.title}\n${e.query}\n` }));
  // JSON inside <script>: escape "<" so no string in an example can close the tag.
  const json = JSON.stringify(tabs).replace(/</g, '\\u003c');
  return readFileSync(join(ROOT, 'src/http/playground.html'), 'utf8').replace('__EXAMPLE_TABS__', () => json);
}
