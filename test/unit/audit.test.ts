import { auditReport } from '../../src/graph/audit';
import { stageVerbsIn } from '../../src/graph/fixtures/stage-verbs';
import { buildAll } from '../../src/graph/load';

/** `npm run audit`'s report, built from the real fixtures (derived links as Neo4j would return them). */
const graphs = buildAll();

describe('npm run audit', () => {
  const report = auditReport(graphs, [{
    rule: 'serves-by-anchor', strength: 'INFERRED', from: 'project:baolong-intelligent-manufacturing-park', to: 'strategy:low-carbon-intelligent-manufacturing-hub',
    inference: 'located in 宝龙科技城 (inferred: NAME_PREFIX)', chain: ['LOCATED_IN … : INFERRED (NAME_PREFIX), INFERRED'], evidence: ['推动宝龙智造园、智慧云谷等高标准产业用房建设'],
  }]);

  it('lists every INFERRED link under its kind of reading, with its inference and quotes', () => {
    const inferred = graphs.flatMap((g) => g.relations).filter((r) => r.props.basis === 'INFERRED');
    expect(report).toContain(`## INFERRED links (${inferred.length}), by the kind of reading`);
    expect(report).toMatch(/### NAME_PREFIX \(\d+; strength INFERRED\)/);
    expect(report).toMatch(/### PLACE_NAME_IN_NAME \(\d+; strength NAME_READ\)/);
    expect(report).toContain('- 宝龙智造园 —LOCATED_IN→ 宝龙科技城: 宝龙-named industrial project');
    expect(report).toContain('  - 「推动宝龙智造园、智慧云谷等高标准产业用房建设」');
  });

  it('lists DERIVED links by rule and strength with their chain', () => {
    expect(report).toContain('### serves-by-anchor, INFERRED (1)');
    expect(report).toContain('  - premise: LOCATED_IN … : INFERRED (NAME_PREFIX), INFERRED');
  });

  it('lists a milestone whose quote holds no verb of its stage, and says when derived links were skipped', () => {
    expect(stageVerbsIn('COMPLETED', '打造2013文化创客园')).toEqual([]);
    expect(report).toMatch(/## Stages to re-read \(\d+ of \d+ milestones\)/);
    expect(auditReport(graphs, null)).toContain('(not listed: run without --fixtures-only to read them from Neo4j)');
  });
});
