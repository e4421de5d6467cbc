import type { EvidenceRef } from '../graphql/graph-rows';
import { NameDictionary } from './dictionary';
import { Clarification, parseQuestion, Reading, Shape } from './parse';
import { plan } from './plan';

/**
 * Query.ask end to end: read the question (parse.ts), write the GraphQL that answers it (plan.ts), run that
 * operation through the server's own schema and context (the caller's `run`), and turn its data into items with
 * their evidence and a confidence. What Answer.graphql shows is exactly the text that ran.
 */

export type Confidence = 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE';

export interface AnswerItem {
  name: string;
  id: string | null;
  value: string | null;
  year: number | null;
  kind: string | null;
  basis: string | null;
  strength: string | null;
  reason: string | null;
  evidence: EvidenceRef[];
}

export interface AskAnswer {
  question: string;
  language: 'zh' | 'en';
  shape: Shape;
  confidence: Confidence;
  interpretation: string;
  graphql: string;
  items: AnswerItem[];
  totalCount: number;
  clarifications: Clarification[];
  /** Why the confidence is not HIGH (empty when it is). */
  notes: string[];
  understood: AskNameRow[];
}

export interface AskNameRow { id: string; name: string; label: string }

export type RunOperation = (graphql: string) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly { message: string }[] }>;

/** Items in one answer; listings hold at most LIST_FIRST (200) rows, sentences 20. */
export const MAX_ITEMS = 200;
/** Quotes per item: the first few are the reason; the entity's page has the rest. */
const MAX_QUOTES = 3;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const n = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function evidence(v: unknown): EvidenceRef[] {
  return arr(v).slice(0, MAX_QUOTES).flatMap((e) => {
    const quote = s(e.quote);
    const passageId = s(obj(e.passage).id);
    return quote && passageId ? [{ quote, passageId }] : [];
  });
}

const item = (p: Partial<AnswerItem> & { name: string }): AnswerItem => ({
  id: null, value: null, year: null, kind: null, basis: null, strength: null, reason: null, evidence: [], ...p,
});

const STAGE_ZH: Record<string, string> = {
  PLANNED: '规划', APPROVED: '获批', SETTLED: '落户', STARTED: '开工', UNDER_CONSTRUCTION: '在建', COMPLETED: '建成', IN_OPERATION: '运营',
  HELD: '举办', ONGOING: '推进', ISSUED: '出台', UPGRADED: '提升', RECOGNISED: '获评',
};

/** The items of an operation's data, per shape; `total` is the listing's totalCount where it has one. */
function itemsOf(r: Reading, data: Obj): { items: AnswerItem[]; total: number | null } {
  const root = obj(Object.values(data)[0]);
  const zh = r.language === 'zh';
  const linkItem = (e: Obj, reason: string | null = s(e.inference)) =>
    item({ name: s(obj(e.node).name) ?? '', id: s(obj(e.node).id), basis: s(e.basis), strength: s(e.strength), reason, evidence: evidence(e.evidence) });
  const entityItem = (e: Obj) => item({ name: s(e.name) ?? '', id: s(e.id), evidence: evidence(e.evidence) });
  switch (r.shape) {
    case 'SERVES': {
      const c = obj(root.projects);
      return {
        items: arr(c.edges).map((e) => {
          const via = s(obj(e.via).name);
          const direct = via && via !== s(root.name) ? (zh ? `经由 ${via}` : `via ${via}`) : null;
          return linkItem(e, [direct, s(e.inference)].filter(Boolean).join('; ') || null);
        }),
        total: n(c.totalCount),
      };
    }
    case 'LOCATED_IN': {
      const c = obj(root.projects);
      const zones = arr(root.children).map((d) => ({ ...entityItem(d), kind: 'DISTRICT', reason: zh ? `位于 ${s(root.name)}` : `within ${s(root.name)}` }));
      const projects = arr(c.edges).map((e) => {
        const place = s(obj(e.district).name);
        return item({ ...linkItem(e, place ? (zh ? `位于 ${place}` : `located in ${place}`) : null), basis: s(e.locationBasis) });
      });
      return { items: [...zones, ...projects], total: (n(c.totalCount) ?? 0) + zones.length };
    }
    case 'RUN_BY':
      return { items: arr(root.projects).map((e) => ({ ...linkItem(e), kind: s(e.role) })), total: null };
    case 'PARTS':
      return { items: root.partLinks ? arr(root.partLinks).map((e) => linkItem(e)) : arr(root.parts ?? root.children).map(entityItem), total: null };
    case 'ANCHORS':
      return { items: arr(root.anchorDistricts).map((e) => linkItem(e)), total: null };
    case 'WHERE':
      if ('parent' in root) return { items: root.parent ? [entityItem(obj(root.parent))] : [], total: null };
      return { items: arr(root.districts).map((e) => linkItem(e)), total: null };
    case 'VALUES': {
      const values = arr(root.values).map((v) =>
        // name: the report's words (下降9.9%); value: the figure as a number with its unit (-9.9%).
        item({ name: s(v.display) ?? '', value: n(v.value) === null ? s(v.display) : `${n(v.value)}${s(v.unit) ?? ''}`, year: n(v.year), kind: s(v.kind), reason: s(v.qualifier), evidence: evidence(v.evidence) }));
      const change = obj(root.change);
      if (change.comparable === true && typeof change.delta === 'number') {
        values.push(item({ name: zh ? `变化 ${change.delta > 0 ? '+' : ''}${change.delta}` : `change ${change.delta > 0 ? '+' : ''}${change.delta}`, value: String(change.delta), kind: 'CHANGE' }));
      }
      return { items: values, total: null };
    }
    case 'STAGE': {
      const ms = arr(root.timeline).filter((m) => r.year === null || n(m.year) === r.year);
      return {
        items: ms.map((m) => item({
          name: `${n(m.year)} ${zh ? STAGE_ZH[s(m.stage) ?? ''] ?? s(m.stage) : s(m.stage)}`, value: s(m.stage), year: n(m.year), kind: s(m.kind), evidence: evidence(m.evidence),
        })),
        total: null,
      };
    }
    case 'STAGE_LIST':
    case 'CARRIED_OVER':
    case 'COUNT': {
      const c = obj(root);
      const items = arr(c.edges).map((e) => {
        const node = obj(e.node);
        const ms = arr(node.timeline).filter((m) => (r.year === null || n(m.year) === r.year) && (!r.stage || s(m.stage) === r.stage.stage || r.shape === 'CARRIED_OVER'));
        return item({
          name: s(node.name) ?? '', id: s(node.id), value: ms.map((m) => `${n(m.year)} ${s(m.stage)}`).join(', ') || null,
          evidence: ms.flatMap((m) => evidence(m.evidence)).slice(0, MAX_QUOTES),
        });
      });
      const total = n(c.totalCount);
      if (r.shape === 'COUNT') return { items: [item({ name: String(total ?? items.length), value: String(total ?? items.length), kind: 'COUNT' }), ...items], total };
      return { items, total };
    }
    case 'RANKING': {
      const rows = arr(obj(data.districts).edges).map((e) => obj(e.node));
      return { items: rows.map((d) => item({ name: s(d.name) ?? '', id: s(d.id), value: String(n(d.projectCount) ?? 0), kind: 'COUNT' })), total: rows.length };
    }
    case 'DEFINITION':
      return {
        items: Object.values(data).map(obj).map((t) => {
          if ('definition' in t) {
            return item({ name: s(t.term) ?? '', id: s(t.id), value: s(t.definition), reason: s(obj(t.defines).name), evidence: evidence(t.evidence) });
          }
          const def = obj(t.definedBy);
          const aliases = Array.isArray(t.aliases) ? t.aliases.filter((a): a is string => typeof a === 'string') : [];
          return item({
            name: s(t.name) ?? '', id: s(t.id), kind: s(t.__typename), value: s(def.definition),
            reason: [aliases.length ? (zh ? `又称 ${aliases.join('、')}` : `also called ${aliases.join(', ')}`) : null, s(obj(t.partOf).name) ? (zh ? `${s(obj(t.partOf).name) } 的组成部分` : `part of ${s(obj(t.partOf).name)}`) : null].filter(Boolean).join('; ') || null,
            evidence: def.evidence ? evidence(def.evidence) : evidence(t.evidence),
          });
        }),
        total: null,
      };
    case 'CONNECTION': {
      const path = arr(root.paths)[0];
      if (!path) return { items: [], total: 0 };
      const nodes = arr(path.nodes);
      return {
        items: nodes.map((x, i) => {
          const step = arr(path.relationships)[i];
          const next = nodes[i + 1] ? s(nodes[i + 1].name) : null;
          return item({
            name: s(x.name) ?? '', id: s(x.id),
            reason: step && next ? `${step.direction === 'OUT' ? '—' : '←'}${s(step.type)}${step.direction === 'OUT' ? '→' : '—'} ${next}` : null,
            basis: step ? s(step.basis) : null, evidence: step ? evidence(step.evidence) : [],
          });
        }),
        total: null,
      };
    }
    case 'TOPIC':
    case 'SEARCH': {
      const projects = arr(obj(data.projects).edges).map((e) => entityItem(obj(e.node)));
      const passages = arr(obj(data.passages).edges).map((e) => {
        const p = obj(e.node);
        return item({ name: s(p.text) ?? '', id: s(p.id), kind: 'PASSAGE', reason: s(e.sectionPathText), evidence: s(p.text) && s(p.id) ? [{ quote: s(p.text)!, passageId: s(p.id)! }] : [] });
      });
      return { items: [...projects, ...passages], total: null };
    }
  }
}

export async function answerQuestion(question: string, dict: NameDictionary, run: RunOperation): Promise<AskAnswer> {
  const reading = parseQuestion(question, dict);
  const { graphql, interpretation } = plan(reading);
  const notes = [...reading.caps];
  const result = await run(graphql);
  let items: AnswerItem[] = [];
  let total: number | null = null;
  if (result.errors?.length) notes.push(`the query failed: ${result.errors.map((e) => e.message).join('; ')}`);
  else if (result.data) ({ items, total } = itemsOf(reading, result.data));
  const missingYear = reading.caps.some((c) => c.startsWith('the report has no figures for'));
  if (missingYear) items = [];
  items = items.filter((i) => i.name).slice(0, MAX_ITEMS);

  let confidence: Confidence;
  if (result.errors?.length || missingYear) confidence = 'NONE';
  else if (reading.shape === 'SEARCH') confidence = items.length ? 'LOW' : 'NONE';
  else if (items.length === 0) {
    // Understood, but the graph holds nothing for it: say so plainly (NONE), never an empty list that looks like
    // an answer. The sentences that name it, if any, are one sentence search away.
    notes.push('the graph holds nothing for this reading');
    confidence = 'NONE';
    const names = reading.targets.map((t) => t.name).join('、');
    reading.clarifications.push({
      message: reading.language === 'zh'
        ? `图谱中没有这一信息${names ? `(关于 ${names})` : ''}:报告可能没有写明;可以在报告原文中搜索这些词。`
        : `The graph holds nothing for this${names ? ` (about ${names})` : ''}: the report may not say; try a sentence search for the words.`,
      options: [],
    });
  } else if (reading.shape === 'TOPIC') confidence = 'MEDIUM';
  else confidence = notes.length ? 'MEDIUM' : 'HIGH';

  return {
    question: reading.question, language: reading.language, shape: reading.shape, confidence, interpretation, graphql, items,
    totalCount: total ?? items.length, clarifications: reading.clarifications, notes,
    understood: reading.targets.map((t) => ({ id: t.id, name: t.name, label: t.label })),
  };
}

/**
 * Loads what the first question would otherwise load on the event loop while requests wait: jieba's dictionary and
 * opencc's tables (~200 ms here, once per process). The server calls it once it listens, off any request's path.
 */
export async function warmAsk(): Promise<void> {
  await answerQuestion('哪些項目服务于', new NameDictionary([]), async () => ({ data: null }));
}
