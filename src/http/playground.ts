import { loadExamples } from '../docs/examples';

/**
 * The playground: GraphiQL with the Explorer plugin, bundled from npm into web/dist (no CDN: many users are in
 * mainland China), opened with the example queries of docs/examples as tabs. The tabs travel in a JSON data block,
 * not a script, so the page runs under a CSP without inline scripts. Made once (src/http/web.ts keeps the page, its
 * ETag and its compressed copies), not per request.
 */
export function playgroundHtml(template: string): string {
  const tabs = loadExamples().map((e) => ({ query: `# ${e.title}\n${e.query}\n` }));
  // JSON inside <script>: escape "<" so no string in an example can close the tag.
  const json = JSON.stringify(tabs).replace(/</g, '\\u003c');
  return template.replace('__EXAMPLE_TABS__', () => json);
}

/** The page as served ({ status, body }), for callers outside the HTTP layer (bench/old-http-app.ts). */
export function playgroundPage(): { status: number; body: string } {
  // Required here, not imported: web.ts imports this module.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const answer = (require('./web') as typeof import('./web')).webAssets().playground;
  return answer.status === 200 ? { status: 200, body: answer.file.body.toString('utf8') } : { status: answer.status, body: answer.message };
}
