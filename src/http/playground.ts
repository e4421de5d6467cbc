import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExamples } from '../docs/examples';
import { ROOT } from '../paths';

/**
 * The playground: GraphiQL, served from this process's node_modules (no CDN: many users are in mainland China),
 * opened with the example queries of docs/examples as tabs.
 */

// Direct dependencies, so npm installs them at the top of node_modules. (react's package "exports" hide its
// umd/ folder from require.resolve, hence plain paths.)
const modules = join(ROOT, 'node_modules');
const ASSETS: Record<string, { path: string; type: string }> = {
  'react.production.min.js': { path: join(modules, 'react/umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': { path: join(modules, 'react-dom/umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.min.js': { path: join(modules, 'graphiql/graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { path: join(modules, 'graphiql/graphiql.min.css'), type: 'text/css' },
};

export const ASSET_PREFIX = '/playground/';

export function playgroundPage(): string {
  const tabs = loadExamples().map((e) => ({ query: `# ${e.title}\n${e.query}\n` }));
  // JSON inside <script>: escape "<" so no string in an example can close the tag.
  const json = JSON.stringify(tabs).replace(/</g, '\\u003c');
  return readFileSync(join(ROOT, 'src/http/playground.html'), 'utf8').replace('__EXAMPLE_TABS__', json);
}

/** An asset of the playground by file name, or undefined for anything not on the list. */
export function playgroundAsset(name: string): { body: Buffer; type: string } | undefined {
  const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  return asset && { body: readFileSync(asset.path), type: asset.type };
}
