import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveKey, planClassArchive, usableClassList } from '../../src/neo4j/class-archive';

/** The class-data archive's bookkeeping (src/neo4j/class-archive.ts); the JVM side is in test/integration/launcher.test.ts. */

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'plangraph-cds-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the class-data archive', () => {
  it('is named by the JDK and the jars: another JDK build, or a jar replaced, gives another name', () => {
    const jar = join(dir, 'a.jar');
    writeFileSync(jar, 'one');
    const key = archiveKey('openjdk version "17.0.15"', [jar]);
    expect(archiveKey('openjdk version "17.0.15"', [jar])).toBe(key);
    expect(archiveKey('openjdk version "17.0.16"', [jar])).not.toBe(key);
    writeFileSync(jar, 'two!');
    expect(archiveKey('openjdk version "17.0.15"', [jar])).not.toBe(key);
    const sameSize = archiveKey('openjdk version "17.0.15"', [jar]);
    utimesSync(jar, new Date('2020-01-01'), new Date('2020-01-01'));
    expect(archiveKey('openjdk version "17.0.15"', [jar])).not.toBe(sameSize);
  });

  it('is mapped when it exists; otherwise the start records its classes in a list of its own', () => {
    const recording = planClassArchive(join(dir, 'cds'), 'k1');
    expect(recording.archive).toBeUndefined();
    expect(recording.flags).toEqual([`-XX:DumpLoadedClassList=${recording.classList}`]);
    expect(existsSync(join(dir, 'cds'))).toBe(true);
    expect(planClassArchive(join(dir, 'cds'), 'k1').classList).not.toBe(recording.classList);

    writeFileSync(join(dir, 'cds', 'k1.jsa'), 'archive');
    expect(planClassArchive(join(dir, 'cds'), 'k1')).toEqual({
      flags: [`-XX:SharedArchiveFile=${join(dir, 'cds', 'k1.jsa')}`], archive: join(dir, 'cds', 'k1.jsa'),
    });
    expect(planClassArchive(join(dir, 'cds'), 'k2').archive).toBeUndefined();
  });

  it('is dumped from whole lines of the class list only, none longer than Java 17 accepts', () => {
    const long = `@lambda-proxy org/neo4j/X ${'L'.repeat(5000)}`;
    const text = `java/lang/Object id: 0\norg/neo4j/A id: 1\n${long}\norg/neo4j/B id: 2\norg/neo4j/Half`;
    expect(usableClassList(text)).toBe('java/lang/Object id: 0\norg/neo4j/A id: 1\norg/neo4j/B id: 2\n');
    expect(usableClassList('')).toBe('');
  });
});
