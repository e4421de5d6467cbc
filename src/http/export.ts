import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { ExportFile, exportFiles, FORMATS } from '../export/files';
import { readSnapshot, Snapshot } from '../export/snapshot';
import { Cypher } from '../neo4j/cypher';
import { etagOf, REVALIDATE, StaticFile, WebAnswer, webAssets } from './web';

/**
 * /export/…: the files of `npm run export`, made from the live graph.
 *   /export/                  an index page linking every file, with the counts
 *   /export/plangraph.graphml /export/plangraph.json /export/csv/<Label or TYPE>.csv
 * Built once per loaded graph (keyed by its load id), with a brotli and a gzip copy of each file, and kept in memory
 * (the whole graph is ~5 MB of files, ~1 MB compressed); every request is then a lookup, an ETag and a 304 or the
 * copy the client accepts. Concurrent first requests share one build. One build is kept: the current load's.
 */

interface Built {
  stamp: string;
  files: Map<string, StaticFile>;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compressed on the thread pool, not the event loop (brotli at 9: ~0.5 s of CPU for the 1.9 MB GraphML, which
 * would stall every other request if done inline). 9 rather than 11: 11 takes ten times as long for ~8 % less.
 */
async function compressedFile(body: Buffer, type: string, cache: string): Promise<StaticFile> {
  const [br, gz] = await Promise.all([
    brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzipAsync(body, { level: 9 }),
  ]);
  return {
    type, cache, etag: etagOf(body), body,
    encoded: { ...(br.length < body.length * 0.9 ? { br } : {}), ...(gz.length < body.length * 0.9 ? { gzip: gz } : {}) },
  };
}

export class Exports {
  private current: { stamp: string; built: Promise<Built> } | undefined;
  /** How many times the files were made (once per load id, unless a build failed): the tests and /metrics read it. */
  builds = 0;

  constructor(
    private readonly cypher: Cypher,
    private readonly onBuild: () => void = () => undefined,
  ) {}

  /** The load id: the result cache's, which it polls anyway, or read now when there is no cache. */
  private async stamp(): Promise<string> {
    const known = this.cypher.resultCache?.currentLoadId;
    if (known) return known;
    const [meta] = await this.cypher.read('read/meta');
    return `${meta?.fixturesHash}@${meta?.loadedAt}`;
  }

  private async built(): Promise<Built> {
    const stamp = await this.stamp();
    // No await between this check and the assignment below: a second request arriving meanwhile finds the build.
    if (this.current?.stamp === stamp) return this.current.built;
    const built = this.build(stamp);
    this.current = { stamp, built };
    // A failed build (Neo4j unreachable) is not kept: the next request tries again.
    built.catch(() => {
      if (this.current?.built === built) this.current = undefined;
    });
    return built;
  }

  private async build(stamp: string): Promise<Built> {
    this.builds += 1;
    this.onBuild();
    const snapshot = await readSnapshot(this.cypher);
    const made = FORMATS.flatMap((f) => exportFiles(snapshot, f));
    const files = new Map<string, StaticFile>(
      await Promise.all(made.map(async (f) => [f.path, await compressedFile(Buffer.from(f.body), `${f.type}; charset=utf-8`, REVALIDATE)] as const)),
    );
    files.set('', await compressedFile(Buffer.from(indexPage(snapshot, made)), 'text/html; charset=utf-8', REVALIDATE));
    return { stamp, files };
  }

  /** The answer for `pathname` under /export/. */
  async file(pathname: string): Promise<WebAnswer> {
    let name: string;
    try {
      name = decodeURIComponent(pathname.slice('/export/'.length));
    } catch {
      return { status: 404, message: `No export file ${pathname.slice(0, 200)}; see /export/ for the list.` };
    }
    const { files } = await this.built();
    const file = files.get(name);
    if (!file) return { status: 404, message: `No export file ${name.slice(0, 200)}; see /export/ for the list.` };
    return { status: 200, file };
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function indexPage(s: Snapshot, all: ExportFile[]): string {
  const kib = (body: string) => `${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB`;
  const row = (f: ExportFile) => `<li><a href="${esc(f.path)}" download>${esc(f.path)}</a> <small>${kib(f.body)}</small></li>`;
  const counts = (o: Record<string, number>) => Object.entries(o).map(([k, n]) => `${esc(k)} ${n}`).join(' · ');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>PlanGraph · downloads</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml">
${exploreStyleSheet()}</head>
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

/** The explorer's style sheet, whose name carries its content hash: the page borrows it. */
function exploreStyleSheet(): string {
  const page = webAssets().file('/explore');
  const href = page?.status === 200 ? /href="(\/explore\/explore-[A-Z0-9]+\.css)"/.exec(page.file.body.toString('utf8'))?.[1] : undefined;
  return href ? `<link rel="stylesheet" href="${href}">` : '';
}
