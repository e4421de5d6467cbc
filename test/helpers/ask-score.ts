/**
 * Scoring of Query.ask against the team's question set (test/unit/ask/questions.json): per question, whether the
 * answer is right, and per shape and language, the share right and the wrong answers given at HIGH confidence.
 */

export interface AskQuestion {
  id: string;
  lang: 'zh' | 'en';
  shape: string;
  question: string;
  must: string[];
  mustNot: string[];
  answerable: boolean;
  first?: string;
}

export interface ScoredAnswer {
  confidence: string;
  shape: string;
  items: { name: string; value?: string | null }[];
}

/** A listed string is in an answer when an item's name or value is it, or (3 characters or more) holds it. */
function present(answer: ScoredAnswer, text: string): boolean {
  return answer.items.some((i) =>
    [i.name, i.value ?? ''].some((v) => v === text || (text.length >= 3 && v.includes(text))));
}

export function judge(q: AskQuestion, a: ScoredAnswer): { correct: boolean; why: string[] } {
  const why: string[] = [];
  for (const m of q.must) if (!present(a, m)) why.push(`missing ${m}`);
  for (const m of q.mustNot) if (present(a, m)) why.push(`has ${m}`);
  if (q.first && a.items[0]?.name !== q.first) why.push(`first is ${a.items[0]?.name}, not ${q.first}`);
  if (q.answerable && !['HIGH', 'MEDIUM'].includes(a.confidence)) why.push(`confidence ${a.confidence}`);
  if (!q.answerable && !['LOW', 'NONE'].includes(a.confidence)) why.push(`confidence ${a.confidence} for a question the graph cannot answer`);
  return { correct: why.length === 0, why };
}

export interface Row { shape: string; lang: string; total: number; correct: number; wrongHigh: number }

export function scoreTable(results: { q: AskQuestion; a: ScoredAnswer; correct: boolean }[]): { rows: Row[]; text: string; byLang: Record<string, Row> } {
  const key = (r: { q: AskQuestion }) => `${r.q.shape}|${r.q.lang}`;
  const rows = new Map<string, Row>();
  const byLang: Record<string, Row> = {};
  for (const r of results) {
    const [shape, lang] = key(r).split('|');
    const row = rows.get(key(r)) ?? { shape, lang, total: 0, correct: 0, wrongHigh: 0 };
    const all = (byLang[lang] ??= { shape: 'all', lang, total: 0, correct: 0, wrongHigh: 0 });
    for (const x of [row, all]) {
      x.total += 1;
      if (r.correct) x.correct += 1;
      else if (r.a.confidence === 'HIGH') x.wrongHigh += 1;
    }
    rows.set(key(r), row);
  }
  const list = [...rows.values()].sort((a, b) => a.shape.localeCompare(b.shape) || a.lang.localeCompare(b.lang));
  const line = (r: Row) => `| ${r.shape} | ${r.lang} | ${r.correct}/${r.total} | ${Math.round((100 * r.correct) / r.total)} % | ${r.wrongHigh} |`;
  const text = ['| shape | lang | right | % | wrong at HIGH |', '|---|---|---:|---:|---:|', ...list.map(line), ...Object.values(byLang).map(line)].join('\n');
  return { rows: list, text, byLang };
}
