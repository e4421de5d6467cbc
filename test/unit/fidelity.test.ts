import { buildAll } from '../../src/graph/load';
import { nameWithinName, strengthOf } from '../../src/graph/strength';

/**
 * Regression tests for the wrong facts an independent read of the fixtures found (issue 10), one per fact,
 * named after it, plus the rules that decide how strong a fact is. No Neo4j: they read the built graph rows.
 */
const [graph] = buildAll();
const milestonesOf = (id: string) => graph.milestones.filter((m) => m.ownerId === id).map((m) => `${m.props.year} ${m.props.stage}`);
const links = (type: string, from: string) => graph.relations.filter((r) => r.type === type && r.from === from);

describe('the five wrong facts stay fixed', () => {
  it('project:huanglongpi-nine-year-school is not COMPLETED in 2023 (将…建成未来教育实验学校 turns it into a pilot school)', () => {
    expect(graph.entities.some((e) => e.id === 'project:huanglongpi-nine-year-school')).toBe(true);
    expect(milestonesOf('project:huanglongpi-nine-year-school')).not.toContain('2023 COMPLETED');
  });

  it.each(['project:maosheng-walled-village', 'project:2013-culture-maker-park', 'project:vanke-commercial-area'])(
    '%s is not COMPLETED in 2022 (打造…实践点 makes an existing place a practice point)',
    (id) => {
      expect(graph.entities.some((e) => e.id === id)).toBe(true);
      expect(milestonesOf(id)).not.toContain('2022 COMPLETED');
    },
  );

  it('indicator:little-giant-enterprises-total (49) does not MEASURE strategy:spark-plan; the 28 new firms do', () => {
    const measured = (id: string) => links('MEASURES', id).map((r) => r.to);
    expect(measured('indicator:little-giant-enterprises-total')).not.toContain('strategy:spark-plan');
    expect(measured('indicator:little-giant-enterprises-total')).toContain('district:longgang');
    expect(measured('indicator:new-little-giant-enterprises')).toContain('strategy:spark-plan');
  });
});

describe('strength of evidence', () => {
  it('is STATED for explicit facts, NAME_READ only for a name read inside a name, INFERRED otherwise', () => {
    expect(strengthOf('EXPLICIT', undefined)).toBe('STATED');
    expect(strengthOf('INFERRED', 'PLACE_NAME_IN_NAME')).toBe('NAME_READ');
    expect(strengthOf('INFERRED', 'NAME_PREFIX')).toBe('INFERRED');
    expect(strengthOf('INFERRED', 'VENUE')).toBe('INFERRED');
  });

  it('reads a name inside a name either way round, and never a shared prefix', () => {
    expect(nameWithinName(['国际低碳城新能源产业园'], ['深圳国际低碳城', '国际低碳城'])).toBe(true);
    expect(nameWithinName(['大运中心'], ['大运中心特色灯光夜景'])).toBe(true);
    expect(nameWithinName(['宝龙智造园'], ['宝龙科技城'])).toBe(false);
  });

  it('every curated relationship carries its strength, and every NAME_READ claim holds on the names', () => {
    const names = new Map(graph.entities.map((e) => [e.id, [e.props.name as string, ...((e.props.aliases as string[]) ?? [])]]));
    for (const r of graph.relations) {
      expect({ id: `${r.from} ${r.type} ${r.to}`, strength: r.props.strength }).toEqual({
        id: `${r.from} ${r.type} ${r.to}`, strength: strengthOf(r.props.basis as string, r.props.inferredFrom as never),
      });
      if (r.props.strength === 'NAME_READ') expect(nameWithinName(names.get(r.from)!, names.get(r.to)!)).toBe(true);
    }
  });

  it('a 宝龙-named project is located in 宝龙街道 by its name; 宝龙科技城 stays a prefix guess', () => {
    const located = links('LOCATED_IN', 'project:baolong-intelligent-manufacturing-park');
    expect(located.find((r) => r.to === 'district:baolong-subdistrict')?.props.strength).toBe('NAME_READ');
    expect(located.find((r) => r.to === 'district:baolong-science-and-technology-city')?.props.strength).toBe('INFERRED');
  });
});
