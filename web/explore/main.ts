// The graph explorer at /explore: search an entity, see its neighbourhood, click to expand and to read the
// report's sentences. It talks only to the public GraphQL API; its state lives in the URL so a view can be shared:
//   /explore?focus=strategy:…&expand=district:…,project:…&hide=DERIVED
import cytoscape, { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import * as api from './api';
import { h } from './dom';
import { edgePanel, entityPanel } from './panel';
import { BASES, NODE_TYPES, stylesheet } from './style-graph';
import './explore.css';
import { initAsk } from './ask'; // after the style sheet, so the ask box's rules come later

cytoscape.use(fcose);
cytoscape.use(svg);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const searchInput = $<HTMLInputElement>('search');
const results = $('results');
const panel = $('panel');
const statusLine = $('status');

interface State {
  focus: string | null;
  expanded: string[];
  hidden: Set<string>;
}

const state: State = { focus: null, expanded: [], hidden: new Set() };
const cy: Core = cytoscape({
  container: $('cy'),
  style: stylesheet() as never,
  wheelSensitivity: 0.3,
  minZoom: 0.1,
  maxZoom: 4,
});

function setStatus(text: string, error = false): void {
  statusLine.textContent = text;
  statusLine.classList.toggle('error', error);
}

// ---------- URL state ----------

function readUrl(): void {
  const p = new URLSearchParams(location.search);
  state.focus = p.get('focus');
  state.expanded = (p.get('expand') ?? '').split(',').filter(Boolean);
  state.hidden = new Set((p.get('hide') ?? '').split(',').filter((b) => b in BASES));
  for (const box of document.querySelectorAll<HTMLInputElement>('input[data-basis]')) box.checked = !state.hidden.has(box.dataset.basis!);
}

function writeUrl(push: boolean): void {
  const p = new URLSearchParams();
  if (state.focus) p.set('focus', state.focus);
  const extra = state.expanded.filter((id) => id !== state.focus);
  if (extra.length) p.set('expand', extra.join(','));
  if (state.hidden.size) p.set('hide', [...state.hidden].join(','));
  const url = `${location.pathname}${p.size ? `?${p.toString().replace(/%3A/g, ':').replace(/%2C/g, ',')}` : ''}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  const playground = $<HTMLAnchorElement>('open-playground');
  const node = state.focus ? cy.getElementById(state.focus) : undefined;
  playground.href = node?.nonempty() ? `/?q=${encodeURIComponent(api.playgroundQuery(node.data('type'), node.id()))}` : '/';
}

// ---------- the graph ----------

function edgeId(e: api.GraphEdge): string {
  return `${e.from}|${e.type}|${e.to}`;
}

/** Adds a neighbourhood to the drawing; new nodes start at `around` so the layout grows out of the clicked node. */
function addNeighbourhood(n: api.Neighbourhood, around?: NodeSingular): number {
  const start = around?.position();
  let added = 0;
  cy.batch(() => {
    for (const node of n.nodes) {
      if (cy.getElementById(node.id).nonempty()) continue;
      added += 1;
      cy.add({
        group: 'nodes',
        data: { id: node.id, name: node.name, type: node.__typename },
        position: start ? { x: start.x + Math.random() * 40 - 20, y: start.y + Math.random() * 40 - 20 } : undefined,
      });
    }
    for (const edge of n.edges) {
      const id = edgeId(edge);
      if (cy.getElementById(id).nonempty()) continue;
      cy.add({ group: 'edges', data: { id, source: edge.from, target: edge.to, type: edge.type, basis: edge.basis ?? 'NONE', edge } });
    }
  });
  return added;
}

function applyFilter(): void {
  cy.batch(() => {
    cy.edges().forEach((e) => {
      e.toggleClass('hidden', state.hidden.has(e.data('basis')));
    });
    // A node reached only through hidden links is hidden too; the expanded ones always stay.
    cy.nodes().forEach((n) => {
      const keep = state.expanded.includes(n.id()) || n.connectedEdges().not('.hidden').nonempty();
      n.toggleClass('hidden', !keep);
    });
  });
}

let firstDraw = true;
function layout(): Promise<void> {
  const visible = cy.elements().not('.hidden');
  return new Promise((resolve) => {
    const l = visible.layout({
      name: 'fcose',
      quality: 'default',
      randomize: firstDraw,
      animate: !firstDraw,
      animationDuration: 400,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 90,
      padding: 30,
      fit: true,
    } as never);
    l.one('layoutstop', () => {
      // A small neighbourhood fitted to a big screen would be drawn huge: cap the zoom.
      if (cy.zoom() > 1.3) cy.zoom({ level: 1.3, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      resolve();
    });
    l.run();
    if (firstDraw) {
      firstDraw = false;
      performance.mark('plangraph:first-graph');
      document.body.dataset.graphReady = 'true';
    }
  });
}

let busy = 0;
function setBusy(delta: number): void {
  busy += delta;
  // The browser test waits on this; users see the status line.
  document.body.dataset.busy = String(busy > 0);
}

async function expand(id: string, around?: NodeSingular): Promise<number> {
  setBusy(1);
  try {
    return await expandNow(id, around);
  } finally {
    setBusy(-1);
  }
}

async function expandNow(id: string, around?: NodeSingular): Promise<number> {
  const n = await api.neighbourhood(id);
  if (!n) throw new Error(`No entity ${id}.`);
  const added = addNeighbourhood(n, around);
  if (!state.expanded.includes(id)) state.expanded.push(id);
  cy.getElementById(id).addClass('expanded');
  applyFilter();
  await layout();
  setStatus(`${cy.nodes().not('.hidden').length} entities, ${cy.edges().not('.hidden').length} links shown${n.truncated ? ' (neighbourhood cut at 200)' : ''}.`);
  return added;
}

/** Draws an entity's neighbourhood from scratch (a search pick, or a URL opened). */
async function show(focus: string, expandAlso: string[] = []): Promise<void> {
  cy.elements().remove();
  firstDraw = true;
  state.focus = focus;
  state.expanded = [];
  setStatus('Loading…');
  try {
    await expand(focus);
    cy.getElementById(focus).addClass('focus');
    for (const id of expandAlso) if (id !== focus) await expand(id, cy.getElementById(id));
    const node = cy.getElementById(focus);
    node.select();
    await showEntity(focus);
    document.title = `${node.data('name')} · PlanGraph explorer`;
  } catch (err) {
    setStatus((err as Error).message, true);
  }
  writeUrl(false);
}

// ---------- the side panel ----------

function actions(id: string, type: string): HTMLElement {
  const focusBtn = h('button', { type: 'button', class: 'small' }, 'Focus here');
  focusBtn.addEventListener('click', () => {
    void show(id).then(() => writeUrl(true));
  });
  const query = h('a', { class: 'button small', href: `/?q=${encodeURIComponent(api.playgroundQuery(type, id))}`, target: '_blank', rel: 'noopener' }, 'Query in playground');
  return h('div', { class: 'panel-actions' }, focusBtn, query);
}

async function showEntity(id: string): Promise<void> {
  panel.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  panel.classList.add('open');
  setBusy(1);
  const d = await api.details(id).finally(() => setBusy(-1));
  if (!d) {
    panel.replaceChildren(h('p', { class: 'error' }, `No entity ${id}.`));
    return;
  }
  panel.replaceChildren(...entityPanel(d, actions(d.id, d.__typename)));
  panel.scrollTop = 0;
}

function showEdge(e: EdgeSingular): void {
  const name = (id: string) => cy.getElementById(id).data('name') ?? id;
  panel.replaceChildren(...edgePanel(e.data('edge') as api.GraphEdge, name));
  panel.classList.add('open');
  panel.scrollTop = 0;
}

cy.on('tap', 'node', (evt) => {
  const node = evt.target as NodeSingular;
  const id = node.id();
  void (async () => {
    try {
      const work: Promise<unknown>[] = [showEntity(id)];
      if (!state.expanded.includes(id)) work.push(expand(id, node).then(() => writeUrl(true)));
      await Promise.all(work);
    } catch (err) {
      setStatus((err as Error).message, true);
    }
  })();
});
cy.on('tap', 'edge', (evt) => showEdge(evt.target as EdgeSingular));
cy.on('mouseover', 'edge', (evt) => (evt.target as EdgeSingular).addClass('hover'));
cy.on('mouseout', 'edge', (evt) => (evt.target as EdgeSingular).removeClass('hover'));

// The graph's box changes with the window (a phone turned sideways): redraw to fit it.
let resizing: number | undefined;
window.addEventListener('resize', () => {
  window.clearTimeout(resizing);
  resizing = window.setTimeout(() => {
    cy.resize();
    cy.fit(cy.elements().not('.hidden'), 30);
  }, 150);
});

// ---------- search ----------

let searchSeq = 0;
async function runSearch(text: string): Promise<void> {
  const seq = ++searchSeq;
  if (!text.trim()) {
    results.replaceChildren();
    results.hidden = true;
    return;
  }
  try {
    const hits = await api.search(text.trim());
    if (seq !== searchSeq) return; // a later keystroke won
    const groups = new Map<string, api.SearchHit[]>();
    for (const hit of hits) groups.set(hit.entity.__typename, [...(groups.get(hit.entity.__typename) ?? []), hit]);
    const order = Object.keys(NODE_TYPES).filter((t) => groups.has(t));
    results.replaceChildren(
      ...(hits.length === 0 ? [h('p', { class: 'muted' }, `Nothing matches “${text}”.`)] : []),
      ...order.map((type) =>
        h(
          'section',
          { class: 'result-group' },
          h('h4', {}, NODE_TYPES[type].label),
          groups.get(type)!.map((hit) => {
            const b = h(
              'button',
              { type: 'button', class: 'result', 'data-id': hit.entity.id },
              h('span', { class: `swatch t-${type}` }),
              hit.entity.name,
              hit.matchedName && hit.matchedName !== hit.entity.name ? h('span', { class: 'muted' }, ` (${hit.matchedName})`) : null,
            );
            b.addEventListener('click', () => pick(hit.entity.id));
            return b;
          }),
        ),
      ),
    );
    results.hidden = false;
  } catch (err) {
    setStatus((err as Error).message, true);
  }
}

function pick(id: string): void {
  results.hidden = true;
  void show(id).then(() => writeUrl(true));
}

let debounce: number | undefined;
searchInput.addEventListener('input', () => {
  window.clearTimeout(debounce);
  debounce = window.setTimeout(() => void runSearch(searchInput.value), 200);
});
$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void runSearch(searchInput.value).then(() => {
    const first = results.querySelector<HTMLButtonElement>('button.result');
    if (first) first.click();
  });
});
document.addEventListener('click', (e) => {
  if (!(e.target as HTMLElement).closest('#search-form')) results.hidden = true;
});
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-try]')) {
  b.addEventListener('click', () => {
    searchInput.value = b.dataset.try!;
    void runSearch(b.dataset.try!);
    searchInput.focus();
  });
}

// ---------- toolbar ----------

for (const box of document.querySelectorAll<HTMLInputElement>('input[data-basis]')) {
  box.addEventListener('change', () => {
    if (box.checked) state.hidden.delete(box.dataset.basis!);
    else state.hidden.add(box.dataset.basis!);
    applyFilter();
    void layout();
    writeUrl(false);
  });
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fileBase = () => `plangraph-${(state.focus ?? 'view').replace(/[^a-z0-9-]+/gi, '-')}`;
$('export-png').addEventListener('click', () => {
  download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob, `${fileBase()}.png`);
});
$('export-svg').addEventListener('click', () => {
  const text = (cy as unknown as { svg(o: object): string }).svg({ full: true, bg: '#ffffff' });
  download(new Blob([text], { type: 'image/svg+xml' }), `${fileBase()}.svg`);
});
$('fit').addEventListener('click', () => cy.fit(undefined, 30));

// ---------- legend ----------

const legend = $<HTMLDetailsElement>('legend');
// Open on a wide screen; on a phone it would cover the graph, so it starts folded.
legend.open = !window.matchMedia('(max-width: 760px)').matches;
legend.append(
  h('summary', {}, '图例 Legend'),
  h('ul', {}, Object.entries(NODE_TYPES).map(([type, t]) => h('li', {}, h('span', { class: `swatch t-${type}` }), t.label))),
  h('ul', {}, Object.entries(BASES).map(([basis, b]) => h('li', {}, h('span', { class: `line ${b.line}` }), b.label.split(':')[0]))),
);

// ---------- start ----------

function start(): void {
  readUrl();
  if (state.focus) void show(state.focus, state.expanded);
  else {
    cy.elements().remove();
    panel.classList.remove('open');
    setStatus('Search for an entity to draw its neighbourhood.');
  }
  writeUrl(false);
}
window.addEventListener('popstate', start);
start();

// The ask box (a question in words, its answer listed and drawn), with the explorer's own drawing functions.
initAsk({ cy, show, expand: (id) => expand(id), showEntity, writeUrl, setStatus });

// Read-only hooks for the browser test and for curious users in the console: what is drawn, where.
(window as unknown as { plangraphExplorer: object }).plangraphExplorer = {
  nodes: () => cy.nodes().not('.hidden').map((n) => ({ id: n.id(), name: n.data('name'), type: n.data('type'), expanded: state.expanded.includes(n.id()) })),
  edges: () => cy.edges().not('.hidden').map((e) => ({ id: e.id(), basis: e.data('basis') })),
  /** Where a node is drawn, in page pixels (to click it like a user would). */
  position: (id: string) => {
    const n = cy.getElementById(id);
    if (n.empty()) return null;
    const box = cy.container()!.getBoundingClientRect();
    const p = n.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  },
};
