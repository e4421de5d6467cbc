import { webAssets } from '../../../src/http/web';

/** The playground's files come from an allow-list: no path, and no name every object has, reaches another file. */
describe('/playground/ files', () => {
  it('serves the listed files', () => {
    const css = webAssets().paths.find((p) => p.startsWith('/playground/') && p.endsWith('.css'))!;
    expect(webAssets().file(css)).toMatchObject({ status: 200, file: { type: 'text/css; charset=utf-8' } });
  });

  it.each(['../package.json', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'sizes.json', 'manifest.json', 'playground.html'])(
    'serves nothing for %j', (name) => {
      expect(webAssets().file(`/playground/${name}`)?.status).toBe(404);
    });
});
