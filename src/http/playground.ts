import { loadExamples } from '../docs/examples';
import { distFile } from './web';

/**
 * The playground: GraphiQL with the Explorer plugin, bundled from npm into web/dist (no CDN: many users are in
 * mainland China), opened with the example queries of docs/examples as tabs. The tabs travel in a JSON data block,
 * not a script, so the page runs under a CSP without inline scripts.
 */
export function playgroundPage(): { status: number; body: string } {
  const page = distFile('playground.html');
  if (page.status !== 200) return { status: page.status, body: String(page.body) };
  const tabs = loadExamples().map((e) => ({ query: `# ${e.title}\n${e.query}\n` }));
  // JSON inside <script>: escape "<" so no string in an example can close the tag.
  const json = JSON.stringify(tabs).replace(/</g, '\\u003c');
  return { status: 200, body: page.body.toString().replace('__EXAMPLE_TABS__', () => json) };
}
