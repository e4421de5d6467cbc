import { faviconIco } from '../../src/http/favicon';
import { playgroundPage } from '../../src/http/playground';
import { webFile } from '../../src/http/web';
import { buildWeb } from '../helpers/browser';

/** What the server sends for the browser pages, without a server: local files only, no inline script. */

beforeAll(() => buildWeb());

const refs = (html: string) => [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
// An executable inline script is one without src whose type is not a data block (a strict CSP would block it).
const inlineScripts = (html: string) => [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/g)];

describe.each([
  ['/explore', () => String(webFile('/explore')!.body)],
  ['/ (playground)', () => playgroundPage().body],
])('the page %s', (_, page) => {
  it('refers only to files this server serves, and has no inline script', () => {
    const html = page();
    expect(refs(html).length).toBeGreaterThanOrEqual(3);
    for (const ref of refs(html)) {
      expect(ref).toMatch(/^\/[^/]/); // same origin, never another host
      const file = webFile(ref);
      expect({ ref, status: file?.status }).toEqual({ ref, status: 200 });
    }
    expect(inlineScripts(html)).toEqual([]);
    expect(html).not.toMatch(/\sstyle=|<style/);
  });
});

it('the playground page carries the example tabs as a JSON data block', () => {
  const html = playgroundPage().body;
  const block = /<script type="application\/json" id="example-tabs">(.*?)<\/script>/s.exec(html)![1];
  const tabs = JSON.parse(block) as { query: string }[];
  expect(tabs.length).toBeGreaterThanOrEqual(10);
  expect(tabs[0].query).toContain('strategy(name: "东核")');
});

it('serves nothing but its own files under the asset folders', () => {
  expect(webFile('/explore/explore.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
  expect(webFile('/playground/playground.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
  expect(webFile('/explore/../package.json')?.status).toBe(404);
  expect(webFile('/playground/sizes.json')?.status).toBe(404);
  expect(webFile('/graphql')).toBeUndefined();
});

it('/favicon.ico is a 32×32 icon with an alpha channel', () => {
  const ico = faviconIco();
  expect(webFile('/favicon.ico')).toMatchObject({ status: 200, type: 'image/x-icon' });
  expect([...ico.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]); // ICONDIR: icon, one image
  expect([ico[6], ico[7]]).toEqual([32, 32]);
  expect(ico.readUInt16LE(12)).toBe(32); // bits per pixel
  expect(ico.readUInt32LE(14)).toBe(ico.length - 22);
  const pixels = ico.subarray(22 + 40, 22 + 40 + 32 * 32 * 4);
  const alphas = new Set([...pixels].filter((_, i) => i % 4 === 3));
  expect(alphas).toEqual(new Set([0, 255])); // transparent corners, opaque icon
});
