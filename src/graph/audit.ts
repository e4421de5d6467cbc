import { GraphData } from './build';
import { CONSTRUCTION_STAGES, NOT_BUILT, stageVerbsIn } from './fixtures/stage-verbs';

/**
 * `npm run audit`: every fact that is not stated — INFERRED links grouped by the kind of reading, DERIVED links
 * grouped by rule and strength — with its inference and quotes, and every milestone whose quote holds none of its
 * stage's verbs or that puts a construction stage on something never built. Plain Markdown, for a reviewer.
 */

export interface DerivedRow {
  rule: string;
  strength: string;
  from: string;
  to: string;
  inference: string;
  chain: string[];
  evidence: string[];
}

type Row = GraphData['relations'][number];

export function auditReport(graphs: GraphData[], derived: DerivedRow[] | null): string {
  const names = new Map(graphs.flatMap((g) => g.entities.map((e) => [e.id, e.props.name as string] as const)));
  const nameOf = (id: string) => names.get(id) ?? id;
  const out: string[] = ['# PlanGraph audit: facts that are not stated, and stages to re-read', ''];

  const inferred = graphs.flatMap((g) => g.relations.filter((r) => r.props.basis === 'INFERRED'));
  const byKind = groupBy(inferred, (r) => String(r.props.inferredFrom));
  out.push(`## INFERRED links (${inferred.length}), by the kind of reading`, '');
  for (const [kind, rows] of byKind) {
    out.push(`### ${kind} (${rows.length}; strength ${rows[0].props.strength})`, '');
    for (const r of rows) out.push(...linkLines(r, nameOf));
    out.push('');
  }

  if (derived === null) out.push('## DERIVED links', '', '(not listed: run without --fixtures-only to read them from Neo4j)', '');
  else {
    out.push(`## DERIVED links (${derived.length}), by rule and strength`, '');
    for (const [key, rows] of groupBy(derived, (d) => `${d.rule}, ${d.strength}`)) {
      out.push(`### ${key} (${rows.length})`, '');
      for (const d of rows) {
        out.push(`- ${nameOf(d.from)} —SERVES→ ${nameOf(d.to)}: ${d.inference}`);
        for (const c of d.chain) out.push(`  - premise: ${c}`);
        for (const q of d.evidence) out.push(`  - 「${q}」`);
      }
      out.push('');
    }
  }

  const entities = new Map(graphs.flatMap((g) => g.entities.map((e) => [e.id, e] as const)));
  const stageRows = graphs.flatMap((g) => g.milestones).map((m) => {
    const quotes = m.props.evidence as string[];
    const stage = m.props.stage as string;
    const category = (entities.get(m.ownerId)?.props.category as string | undefined) ?? '';
    const problems: string[] = [];
    if (!quotes.some((q) => stageVerbsIn(stage, q).length > 0)) problems.push(`no ${stage} verb in the quote`);
    if (CONSTRUCTION_STAGES.includes(stage) && NOT_BUILT.includes(category)) problems.push(`a construction stage on a ${category}`);
    return { m, quotes, stage, category, problems };
  });
  const flagged = stageRows.filter((s) => s.problems.length > 0);
  out.push(`## Stages to re-read (${flagged.length} of ${stageRows.length} milestones)`, '');
  out.push('A milestone is listed when its quote holds none of the verbs the table in fixtures/README.md gives its stage,');
  out.push('or when it puts a construction stage on a plan, study, programme, mechanism, event, fund or designation.', '');
  for (const s of flagged) {
    out.push(`- ${nameOf(s.m.ownerId)} (${s.category || 'Organization'}) ${s.m.props.year} ${s.stage}: ${s.problems.join('; ')}`);
    for (const q of s.quotes) out.push(`  - 「${q}」`);
  }
  out.push('');
  return out.join('\n');
}

function linkLines(r: Row, nameOf: (id: string) => string): string[] {
  return [
    `- ${nameOf(r.from)} —${r.type}→ ${nameOf(r.to)}: ${String(r.props.inference)}`,
    ...(r.props.evidence as string[]).map((q) => `  - 「${q}」`),
  ];
}

function groupBy<T>(rows: T[], key: (row: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
