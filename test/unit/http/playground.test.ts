import { playgroundAsset } from '../../../src/http/playground';

describe('playgroundAsset', () => {
  it('serves the listed files', () => {
    expect(playgroundAsset('graphiql.min.css')?.type).toBe('text/css');
  });

  it.each(['../package.json', 'constructor', '__proto__', 'toString', 'hasOwnProperty', ''])('serves nothing for %j', (name) => {
    expect(playgroundAsset(name)).toBeUndefined();
  });
});
