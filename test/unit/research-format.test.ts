import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readQueryFile } from '../../src/research/query-file';
import { displayWidth, formatCsv, formatTable } from '../../src/research/table';

describe('research output', () => {
  it('counts Chinese characters as two terminal columns, so tables line up', () => {
    expect(displayWidth('低碳ab')).toBe(6);
    const table = formatTable(['name', 'n'], [['低碳智造核', 1], ['abc', 22]]).split('\n');
    const [header, rule, ...rows] = table;
    // Every cell of the first column ends at the same display column as the rule's first segment.
    for (const line of [header, ...rows]) expect(displayWidth(line.split('│')[0])).toBe(displayWidth(rule.split('┼')[0]));
    expect(displayWidth(rule.split('┼')[0])).toBe(displayWidth('低碳智造核') + 1);
    expect(table[2].indexOf('│')).toBeLessThan(table[3].indexOf('│')); // same display column, fewer characters
  });

  it('writes CSV with quotes only where needed, lists as JSON', () => {
    expect(formatCsv(['a', 'b'], [['x,y', ['东核', '"q"']], [null, 3]])).toBe('a,b\r\n"x,y","[""东核"",""\\""q\\""""]"\r\n,3\r\n');
  });
});

describe('research query files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plangraph-qf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'q.cypher');
  writeFileSync(file, '// Says what it does.\n//\n// @param a 低碳智造核\n// @param b null\n// @param n 3\nRETURN $a, $b, $n');

  it('reads declared parameters with their defaults, and command-line values over them', () => {
    expect(readQueryFile(file).params).toEqual({ a: '低碳智造核', b: null, n: 3 });
    expect(readQueryFile(file, { b: '20+8', n: 'true' }).params).toEqual({ a: '低碳智造核', b: '20+8', n: true });
    expect(readQueryFile(file).description).toBe('Says what it does.');
  });

  it('refuses an undeclared parameter, naming the ones it takes', () => {
    expect(() => readQueryFile(file, { x: '1' })).toThrow('has no parameter "x"; it takes: a, b, n.');
  });
});
