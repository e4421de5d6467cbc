import { webFile } from '../../../src/http/web';

/** The playground's files come from an allow-list: no path, and no name every object has, reaches another file. */
describe('/playground/ files', () => {
  it('serves the listed files', () => {
    expect(webFile('/playground/playground.css')?.type).toBe('text/css; charset=utf-8');
  });

  it.each(['../package.json', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'sizes.json'])('serves nothing for %j', (name) => {
    expect(webFile(`/playground/${name}`)?.status).toBe(404);
  });
});
