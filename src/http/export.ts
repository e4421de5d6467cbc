import { ExportFile, exportFiles, FORMATS } from '../export/files';
import { readSnapshot, Snapshot } from '../export/snapshot';
import { Cypher } from '../neo4j/cypher';
import { WebFile } from './web';

/**
 * /export/…: the files of `npm run export`, made on request from the live graph.
 *   /export/                  an index page linking every file, with the counts
 *   /export/plangraph.graphml /export/plangraph.json /export/csv/<Label or TYPE>.csv
 * Built once per loaded graph (the PlanGraphMeta stamp of the load) and kept in memory: the whole graph is a few MB.
 */

interface Built {
  stamp: string;
  snapshot: Snapshot;
  files: Map<string, ExportFile>;
}

export class Exports {
  private built: Promise<Built> | undefined;

  constructor(private readonly cypher: Cypher) {}

  private async current(): Promise<Built> {
    const [meta] = await this.cypher.read('read/meta');
    const stamp = `${meta?.fixturesHash}@${meta?.loadedAt}`;
    const cached = this.built && (await this.built.catch(() => undefined));
    if (cached?.stamp === stamp) return cached;
    this.built = (async () => {
      const snapshot = await readSnapshot(this.cypher);
      const files = new Map(FORMATS.flatMap((f) => exportFiles(snapshot, f)).map((f) => [f.path, f]));
      return { stamp: `${snapshot.fixturesHash}@${snapshot.loadedAt}`, snapshot, files };
    })();
    return this.built;
  }

  /** The response for `pathname` under /export/, or undefined for other paths. */
  async file(pathname: string): Promise<WebFile | undefined> {
    if (pathname === '/export') return { status: 301, type: 'text/plain', body: '/export/', cache: 'no-store' };
    if (!pathname.startsWith('/export/')) return undefined;
    const built = await this.current();
    const name = decodeURIComponent(pathname.slice('/export/'.length));
    if (name === '') return { status: 200, type: 'text/html; charset=utf-8', body: indexPage(built), cache: 'no-cache' };
    const f = built.files.get(name);
    if (!f) return { status: 404, type: 'text/plain; charset=utf-8', body: `No export file ${name}; see /export/ for the list.`, cache: 'no-store' };
    return { status: 200, type: `${f.type}; charset=utf-8`, body: f.body, cache: 'no-cache' };
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function indexPage({ snapshot: s, files }: Built): string {
  const kib = (body: string) => `${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB`;
  const row = (f: ExportFile) => `<li><a href="${esc(f.path)}" download>${esc(f.path)}</a> <small>${kib(f.body)}</small></li>`;
  const all = [...files.values()];
  const counts = (o: Record<string, number>) => Object.entries(o).map(([k, n]) => `${esc(k)} ${n}`).join(' · ');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>PlanGraph · downloads</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/explore/explore.css"></head>
<body class="doc"><main class="doc">
<h1>PlanGraph downloads</h1>
<p>The whole graph (${s.nodes.length} nodes, ${s.relationships.length} relationships; loaded ${esc(s.loadedAt ?? '?')}), the same files as
<code>npm run export -- --format all --out DIR</code>. Loader bookkeeping is left out. See <code>docs/research.md</code> for the model and examples.</p>
<h2>GraphML (Gephi, yEd, networkx, igraph)</h2><ul>${all.filter((f) => f.path.endsWith('.graphml')).map(row).join('')}</ul>
<h2>JSON</h2><ul>${all.filter((f) => f.path.endsWith('.json')).map(row).join('')}</ul>
<h2>CSV (pandas, R, Excel: UTF-8 with BOM; lists as JSON)</h2><ul>${all.filter((f) => f.path.endsWith('.csv')).map(row).join('')}</ul>
<h2>Counts in Neo4j</h2><p>Nodes: ${counts(s.counts.labels)}</p><p>Relationships: ${counts(s.counts.types)}</p>
<p><a href="/explore">← explorer</a> · <a href="/">playground</a></p>
</main></body></html>
`;
}
