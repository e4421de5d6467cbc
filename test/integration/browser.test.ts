/// <reference lib="dom" />
// (The callbacks passed to page.evaluate run in the browser, hence the DOM types.)
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print } from 'graphql';
import { Page } from 'playwright-core';
import { ROOT } from '../../src/paths';
import { Browser, buildWeb, launchChromium } from '../helpers/browser';
import { startTestServer, TestServer } from '../helpers/server';

/**
 * The playground and the explorer in a real browser (Debian's chromium, headless), as a user would use them:
 * every request stays on the server, and the console stays free of errors. With PLANGRAPH_SCREENSHOTS=DIR it also
 * saves the screenshots the README shows (desktop and phone width).
 */

const EAST_HUB = 'strategy:low-carbon-intelligent-manufacturing-hub';
const ZONE = 'district:shenzhen-international-low-carbon-city';
const SHOTS = process.env.PLANGRAPH_SCREENSHOTS;

let server: TestServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];
const timings: Record<string, number> = {};

beforeAll(async () => {
  buildWeb();
  server = await startTestServer();
  browser = await launchChromium();
  browser.context.on('request', (r) => requests.push(r.url()));
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
});

afterAll(async () => {
  if (Object.keys(timings).length) console.log(`[browser] time to first render: ${JSON.stringify(timings)}`);
  await browser?.close();
  await server?.stop();
});

async function shot(name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(join(ROOT, SHOTS), { recursive: true });
  await page.screenshot({ path: join(ROOT, SHOTS, `${name}.png`) });
}

const editorText = (selector: string) =>
  page.evaluate((sel) => (document.querySelector(sel) as unknown as { CodeMirror: { getValue(): string } } | null)?.CodeMirror.getValue() ?? '', selector);

async function drawnNodes(): Promise<{ id: string; name: string; type: string; expanded: boolean }[]> {
  return page.evaluate(() => (window as unknown as { plangraphExplorer: { nodes(): never[] } }).plangraphExplorer.nodes());
}

/** Clicks a node where it is drawn on the canvas, like a user. */
async function clickNode(id: string): Promise<void> {
  const at = await page.evaluate((nodeId) => (window as unknown as { plangraphExplorer: { position(id: string): { x: number; y: number } | null } }).plangraphExplorer.position(nodeId), id);
  if (!at) throw new Error(`${id} is not drawn`);
  await page.mouse.click(at.x, at.y);
}

const idle = () => page.waitForFunction(() => document.body.dataset.graphReady === 'true' && document.body.dataset.busy === 'false');

describe('the playground at /', () => {
  it('renders GraphiQL and runs the 低碳智造核 example tab', async () => {
    const started = Date.now();
    await page.goto(`${server.app.url}/`);
    await page.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror');
    timings.playground = Date.now() - started;
    expect(await editorText('.graphiql-query-editor .CodeMirror')).toContain('strategy(name: "东核")');
    await shot('playground-desktop');
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => (document.querySelector('.result-window .CodeMirror') as unknown as { CodeMirror: { getValue(): string } } | null)?.CodeMirror.getValue().includes('totalCount'));
    const shown = JSON.parse(await editorText('.result-window .CodeMirror'));
    const api = await server.data('{ strategy(name: "东核") { name projects(first: 5) { totalCount } } }');
    expect(shown.data.strategy.name).toBe('低碳智造核');
    expect(shown.data.strategy.projects.totalCount).toBe(api.strategy.projects.totalCount);
  });

  it('builds a query by clicking in the GraphiQL Explorer plugin and shows its answer', async () => {
    await page.click('.graphiql-tab-add');
    await page.click('button[aria-label="Show GraphiQL Explorer"]');
    await page.click('.graphiql-explorer-root [data-field-name="strategies"]');
    await page.click('.graphiql-explorer-strategies [data-field-name="totalCount"]');
    expect((await editorText('.graphiql-query-editor .CodeMirror')).replace(/\s+/g, ' ')).toContain('strategies { totalCount }');
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => (document.querySelector('.result-window .CodeMirror') as unknown as { CodeMirror: { getValue(): string } } | null)?.CodeMirror.getValue().includes('"strategies"'));
    const shown = JSON.parse(await editorText('.result-window .CodeMirror'));
    const api = await server.data('{ strategies { totalCount } }');
    expect(shown.data.strategies.totalCount).toBe(api.strategies.totalCount);
  });
});

describe('the explorer at /explore', () => {
  it('searches 东核 and draws 低碳智造核 with its neighbourhood', async () => {
    const started = Date.now();
    await page.goto(`${server.app.url}/explore`);
    await page.waitForSelector('#search');
    timings.explorePage = Date.now() - started;
    await page.fill('#search', '东核');
    const hit = page.locator(`button.result[data-id="${EAST_HUB}"]`);
    await hit.waitFor();
    // Results are grouped by type under a heading.
    expect(await page.locator('#results .result-group h4').first().textContent()).toContain('Strategy');
    await hit.click();
    await idle();
    expect(new URL(page.url()).searchParams.get('focus')).toBe(EAST_HUB);
    const api = await server.data('query($id: ID!) { neighborhood(id: $id) { nodes { id } } }', { id: EAST_HUB });
    const drawn = await drawnNodes();
    expect(drawn.map((n) => n.id).sort()).toEqual(api.neighborhood.nodes.map((n: { id: string }) => n.id).sort());
    expect(drawn.find((n) => n.id === EAST_HUB)).toMatchObject({ name: '低碳智造核', expanded: true });
    expect(await page.locator('#panel h2').textContent()).toBe('低碳智造核');
    // The canvas really has something on it.
    expect(await page.locator('#cy canvas').count()).toBeGreaterThan(0);
  });

  it('expands a node on click, keeping the state in the URL', async () => {
    const before = await drawnNodes();
    await clickNode(ZONE);
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === '深圳国际低碳城');
    await idle();
    const after = await drawnNodes();
    const api = await server.data('query($id: ID!) { neighborhood(id: $id) { nodes { id } } }', { id: ZONE });
    expect(after.find((n) => n.id === ZONE)?.expanded).toBe(true);
    // Everything around the zone is drawn now, besides what was there.
    for (const n of api.neighborhood.nodes as { id: string }[]) expect(after.map((x) => x.id)).toContain(n.id);
    expect(after.length).toBeGreaterThanOrEqual(before.length);
    expect(new URL(page.url()).searchParams.get('expand')).toBe(ZONE);
    await shot('explore-desktop');
  });

  it('clicking a project shows its evidence sentence with the section heading in the side panel', async () => {
    const project = (await drawnNodes()).find((n) => n.type === 'Project' && n.name === '国际低碳城会展中心')!;
    expect(project).toBeDefined();
    await clickNode(project.id);
    await page.waitForFunction((name) => document.querySelector('#panel h2')?.textContent === name, project.name);
    await idle();
    const api = await server.data('query($id: ID!) { project(id: $id) { evidence { quote passage { text } section { heading } } } }', { id: project.id });
    const evidence = api.project.evidence[0];
    const panel = page.locator('#panel');
    const item = panel.locator('.evidence-item', { hasText: evidence.passage.text }).first();
    expect(await item.locator('blockquote').textContent()).toBe(evidence.passage.text);
    expect(await item.locator('.section-heading').textContent()).toBe(evidence.section.heading);
    expect(await item.locator('mark').textContent()).toBe(evidence.quote);
  });

  it('hides inferred and derived links with the filter, and a shared URL restores the view', async () => {
    const all = await page.evaluate(() => (window as unknown as { plangraphExplorer: { edges(): { basis: string }[] } }).plangraphExplorer.edges());
    expect(new Set(all.map((e) => e.basis))).toEqual(new Set(['EXPLICIT', 'INFERRED', 'DERIVED']));
    await page.uncheck('input[data-basis="INFERRED"]');
    await page.uncheck('input[data-basis="DERIVED"]');
    const explicit = await page.evaluate(() => (window as unknown as { plangraphExplorer: { edges(): { basis: string }[] } }).plangraphExplorer.edges());
    expect(new Set(explicit.map((e) => e.basis))).toEqual(new Set(['EXPLICIT']));
    const shared = page.url();
    expect(new URL(shared).searchParams.get('hide')).toBe('INFERRED,DERIVED');
    await page.goto(shared);
    await idle();
    expect((await drawnNodes()).find((n) => n.id === ZONE)?.expanded).toBe(true);
    expect(await page.isChecked('input[data-basis="DERIVED"]')).toBe(false);
    await page.check('input[data-basis="INFERRED"]');
    await page.check('input[data-basis="DERIVED"]');
  });

  it('exports the view as PNG and SVG, without a request to anywhere', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(10_000);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('低碳智造核');
  });

  it('opens the focused entity in the playground as a prefilled query', async () => {
    const href = await page.getAttribute('#open-playground', 'href');
    expect(href).toMatch(/^\/\?q=/);
    await page.goto(`${server.app.url}${href}`);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    await page.waitForFunction((id) => (document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue().includes(id), EAST_HUB);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => (document.querySelector('.result-window .CodeMirror') as unknown as { CodeMirror: { getValue(): string } } | null)?.CodeMirror.getValue().includes('"strategy"'));
    const shown = JSON.parse(await editorText('.result-window .CodeMirror'));
    expect(shown.errors).toBeUndefined();
    expect(shown.data.strategy.name).toBe('低碳智造核');
  });

  it('is usable at phone width: one column, no sideways scrolling, the panel under the graph', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const started = Date.now();
    await page.goto(`${server.app.url}/explore?focus=${EAST_HUB}`);
    await idle();
    timings.exploreFocusedGraph = Date.now() - started;
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const graph = (await page.locator('#graph').boundingBox())!;
    const panel = (await page.locator('#panel').boundingBox())!;
    expect(panel.y).toBeGreaterThanOrEqual(graph.y + graph.height - 1);
    expect(graph.width).toBeGreaterThan(350);
    await shot('explore-phone');
    await page.goto(`${server.app.url}/`);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    await shot('playground-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('names a CJK font stack for the page and the graph, ending in a generic family', async () => {
    await page.goto(`${server.app.url}/explore`);
    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(family).toMatch(/^"Noto Sans CJK SC"/);
    expect(family).toMatch(/sans-serif$/);
  });
});

describe('the ask box (Query.ask in words)', () => {
  const QUESTION = '哪些项目服务于低碳智造核?';
  const ASKED = `{ question confidence interpretation graphql totalCount notes clarifications { message options }
    items { name reason basis strength entity { id } evidence { quote } } }`;
  const askApi = async (question: string) => (await server.data(`query($q: String!) { ask(question: $q) ${ASKED} }`, { q: question })).ask;
  const answered = () =>
    page.waitForFunction(() => document.querySelector('#ask-answer')?.getAttribute('aria-busy') === 'false' && document.body.dataset.busy === 'false');
  const marked = () => page.evaluate(() => (window as unknown as { plangraphAsk: { marked(): string[] } }).plangraphAsk.marked());
  const itemTexts = () =>
    page.$$eval('#ask-answer ol[role="list"] > li.ask-item', (lis) =>
      lis.map((li) => ({
        name: li.querySelector('.ask-item-name')?.textContent ?? '',
        reason: li.querySelector('.ask-reason')?.textContent ?? '',
        facts: li.querySelector('.ask-facts')?.textContent ?? '',
        quote: li.querySelector('.ask-quote')?.textContent ?? '',
      })),
    );

  it(`in /explore, “${QUESTION}” lists the 13 projects with their reasons and quotes, and draws them`, async () => {
    await page.goto(`${server.app.url}/explore`);
    // A labelled search landmark beside the entity search.
    expect(await page.getAttribute('#ask-form', 'role')).toBe('search');
    expect(await page.locator('label[for="ask"]').textContent()).toBe('问答');
    await page.fill('#ask', QUESTION);
    await page.press('#ask', 'Enter');
    await page.waitForSelector('#ask-answer li.ask-item');
    await answered();
    await idle();

    const api = await askApi(QUESTION);
    // What the graph itself says serves the 东核, independently of Query.ask.
    const graph = await server.data('query($id: ID!) { strategy(id: $id) { projects(first: 100) { totalCount edges { node { id } } } } }', { id: EAST_HUB });
    const projects: string[] = graph.strategy.projects.edges.map((e: { node: { id: string } }) => e.node.id).sort();
    expect(projects).toHaveLength(13);
    expect(api.confidence).toBe('HIGH');
    expect(api.items.map((i: { entity: { id: string } }) => i.entity.id).sort()).toEqual(projects);

    // The reading: the question, what was understood, how sure; focus moved to the answer for screen readers.
    expect(await page.locator('#ask-answer .ask-interpretation').textContent()).toBe(api.interpretation);
    expect(await page.getAttribute('#ask-answer .ask-confidence', 'data-confidence')).toBe('HIGH');
    expect(await page.locator('#ask-live').textContent()).toContain('共 13 项');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ask-answer-title');

    // The list: each project with its reason in words, basis and strength, and the report's first quote.
    const shown = await itemTexts();
    expect(shown.map((i) => i.name)).toEqual(api.items.map((i: { name: string }) => i.name));
    api.items.forEach((item: { reason: string | null; basis: string; strength: string; evidence: { quote: string }[] }, n: number) => {
      expect(shown[n].reason).toContain(item.reason ?? 'the report states it');
      expect(shown[n].facts).toContain(item.basis);
      expect(shown[n].facts).toContain(item.strength);
      expect(shown[n].quote).toBe(item.evidence[0].quote);
    });
    expect(shown.some((i) => i.reason.includes('which 低碳智造核 is anchored in'))).toBe(true);

    // Drawn: every project is in the graph, outlined as part of the answer, around the 东核.
    const drawn = (await drawnNodes()).map((n) => n.id);
    for (const id of projects) expect(drawn).toContain(id);
    expect((await marked()).sort()).toEqual(projects);
    expect(new URL(page.url()).searchParams.get('focus')).toBe(EAST_HUB);

    // An item's name shows that entity in the side panel, selected in the graph.
    const fifth = page.locator('#ask-answer li.ask-item').nth(4).locator('button.ask-item-name');
    const name = await fifth.textContent();
    await fifth.click();
    await page.waitForFunction((n) => document.querySelector('#panel h2')?.textContent === n, name);
    await shot('explore-ask-desktop');
  });

  it('offers a clarification as buttons that re-ask the question', async () => {
    await page.fill('#ask', '低碳有哪些项目');
    await page.press('#ask', 'Enter');
    await page.waitForSelector('#ask-answer .ask-clarification button');
    await answered();
    const vague = await askApi('低碳有哪些项目');
    expect(['LOW', 'MEDIUM']).toContain(vague.confidence);
    const offered = await page.$$eval('#ask-answer .ask-clarification button', (bs) => bs.map((b) => b.textContent));
    expect(offered).toEqual(vague.clarifications[0].options);
    await page.click('#ask-answer .ask-clarification button:text-is("深圳国际低碳城")');
    await page.waitForFunction(() => document.querySelector('#ask-answer .ask-question')?.textContent === '深圳国际低碳城有哪些项目');
    await answered();
    expect(await page.inputValue('#ask')).toBe('深圳国际低碳城有哪些项目');
    const precise = await askApi('深圳国际低碳城有哪些项目');
    expect(precise.confidence).not.toBe('NONE');
    expect(await page.locator('#ask-answer .ask-interpretation').textContent()).toBe(precise.interpretation);
    expect((await itemTexts()).map((i) => i.name)).toEqual(precise.items.map((i: { name: string }) => i.name));
    expect(precise.items.length).toBeGreaterThan(0);
  });

  it('is usable at phone width in /explore: the box fits, tapping 提问 answers, the list is scrolled into view', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${server.app.url}/explore`);
      const input = (await page.locator('#ask').boundingBox())!;
      const button = (await page.locator('#ask-submit').boundingBox())!;
      expect(input.x).toBeGreaterThanOrEqual(0);
      expect(button.x + button.width).toBeLessThanOrEqual(390);
      expect(input.width).toBeGreaterThan(200);
      expect(button.height).toBeGreaterThanOrEqual(40);
      await page.fill('#ask', QUESTION);
      await page.click('#ask-submit');
      await page.waitForSelector('#ask-answer li.ask-item');
      await answered();
      await idle();
      expect(await page.locator('#ask-answer li.ask-item').count()).toBe(13);
      expect((await marked()).length).toBe(13);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // One column: the graph, then the answer (scrolled to the top of the view), then the side panel.
      const graph = (await page.locator('#graph').boundingBox())!;
      const answer = page.locator('#ask-answer');
      await page.waitForFunction(() => {
        const r = document.querySelector('#ask-answer h2')!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      await answer.locator('li.ask-item').first().scrollIntoViewIfNeeded();
      const first = (await answer.locator('li.ask-item').first().boundingBox())!;
      expect(first.x + first.width).toBeLessThanOrEqual(390);
      const box = await answer.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      const panel = await page.locator('#panel').evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      const graphNow = await page.locator('#graph').evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      expect(box.top).toBeGreaterThanOrEqual(graphNow.bottom - 1);
      expect(panel.top).toBeGreaterThanOrEqual(box.bottom - 1);
      expect(graph.width).toBeGreaterThan(350);
      await shot('explore-ask-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  /** The active tab's query, its comments dropped, as graphql prints it: to compare operations, not layouts. */
  const activeOperation = async () => print(parse(await editorText('.graphiql-query-editor .CodeMirror')));
  const resultText = () => editorText('.result-window .CodeMirror');

  it('in the playground, asking shows the interpretation and opens the GraphQL it ran in a new tab, run', async () => {
    await page.goto(`${server.app.url}/`);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    const tabsBefore = await page.locator('.graphiql-tab').count();
    expect(await page.locator('label[for="pg-ask-input"]').textContent()).toContain('问答');
    await page.fill('#pg-ask-input', QUESTION);
    await page.press('#pg-ask-input', 'Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.graphiql-tab').length === n, tabsBefore + 1);
    const api = await askApi(QUESTION);
    await page.waitForFunction((q) => (document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue().includes(q), '# 问 Ask: 哪些项目服务于低碳智造核?');
    // The new tab is the active one, and its query is the answer's graphql (laid out, the question as a comment).
    const tabs = page.locator('.graphiql-tab');
    expect(await tabs.nth(tabsBefore).getAttribute('class')).toContain('graphiql-tab-active');
    expect(await activeOperation()).toBe(print(parse(api.graphql)));
    expect(await page.locator('.pg-ask .pg-ask-interpretation').textContent()).toBe(api.interpretation);
    expect(await page.getAttribute('.pg-ask .pg-ask-confidence', 'data-confidence')).toBe('HIGH');
    // It ran: the result is the 13 projects.
    await page.waitForFunction(() => (document.querySelector('.result-window .CodeMirror') as unknown as { CodeMirror: { getValue(): string } } | null)?.CodeMirror.getValue().includes('"totalCount": 13'));
    const shown = JSON.parse(await resultText());
    expect(shown.errors).toBeUndefined();
    expect(shown.data.strategy.projects.edges.map((e: { node: { name: string } }) => e.node.name).sort())
      .toEqual(api.items.map((i: { name: string }) => i.name).sort());
    await shot('playground-ask-desktop');
  });

  it('in the playground at phone width, the ask bar fits and opens another question in a new tab', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${server.app.url}/`);
      await page.waitForSelector('.graphiql-query-editor .CodeMirror');
      const bar = (await page.locator('.pg-ask').boundingBox())!;
      const button = (await page.locator('.pg-ask button[type="submit"]').boundingBox())!;
      expect(bar.width).toBeLessThanOrEqual(390);
      expect(button.x + button.width).toBeLessThanOrEqual(390);
      const tabsBefore = await page.locator('.graphiql-tab').count();
      const question = 'What are the parts of 一芯两核多支点?';
      await page.fill('#pg-ask-input', question);
      await page.click('.pg-ask button[type="submit"]');
      await page.waitForFunction((n) => document.querySelectorAll('.graphiql-tab').length === n, tabsBefore + 1);
      const api = await askApi(question);
      await page.waitForFunction((q) => (document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue().includes(q), question);
      expect(await activeOperation()).toBe(print(parse(api.graphql)));
      expect(await page.locator('.pg-ask .pg-ask-interpretation').textContent()).toBe(api.interpretation);
      await page.waitForFunction(() => (document.querySelector('.result-window .CodeMirror') as unknown as { CodeMirror: { getValue(): string } } | null)?.CodeMirror.getValue().includes('"data"'));
      const shown = JSON.parse(await resultText());
      expect(shown.errors).toBeUndefined();
      const text = JSON.stringify(shown.data);
      for (const item of api.items as { name: string }[]) expect(text).toContain(item.name);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot('playground-ask-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});

describe('the whole session', () => {
  it('sent no request to any host but the server, and logged no console error', async () => {
    const origin = new URL(server.app.url).origin;
    const elsewhere = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(elsewhere).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
    expect(consoleErrors).toEqual([]);
  });
});
