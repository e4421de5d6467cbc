/**
 * Parses the report's own outline from its text: sections (一、 / (一) / 1.), their sentences (passages),
 * and the 名词解释 glossary entries. Offsets are indexes into the source string, so every passage's text is
 * exactly source.slice(start, end).
 */

export type SectionKind = 'PREAMBLE' | 'REVIEW' | 'PROBLEMS' | 'TARGETS' | 'PLAN' | 'GLOSSARY';

export interface ParsedSection {
  id: string;
  /** The number as printed: "一", "(五)", "5"; "名词解释" for the glossary. */
  number: string;
  title: string;
  /** The heading line as printed, number included. */
  heading: string;
  level: number;
  order: number;
  kind: SectionKind;
  /** The year the section speaks of (the reviewed or the planned year), when it has one. */
  year: number | null;
  parentId: string | null;
  start: number;
  end: number;
}

export interface ParsedPassage {
  id: string;
  sectionId: string;
  /** 1-based position within its section. */
  order: number;
  /** 1-based position within the document. */
  seq: number;
  text: string;
  start: number;
  end: number;
}

export interface ParsedGlossaryEntry {
  number: number;
  term: string;
  definition: string;
  /** The entry's full text, "8.20+8:指…", used as the evidence of what it defines. */
  text: string;
  sectionId: string;
}

export interface ParsedOutline {
  title: string;
  sections: ParsedSection[];
  passages: ParsedPassage[];
  glossary: ParsedGlossaryEntry[];
}

const CN_DIGITS = '一二三四五六七八九十';
const LEVEL1 = new RegExp(`^([${CN_DIGITS}]+)、(.+)$`);
const LEVEL2 = new RegExp(`^[((]([${CN_DIGITS}]+)[))](.+)$`);
const ITEM = /^(\d+)[.．](.+)$/;
const GLOSSARY_HEADING = '名词解释';
/** Lines of the web page the report was copied from, not of the report. */
const PAGE_CHROME = [/^扫一扫/];

function chineseNumber(s: string): number {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + CN_DIGITS.indexOf(s[1]) + 1;
  if (s.endsWith('十')) return (CN_DIGITS.indexOf(s[0]) + 1) * 10;
  if (s.length === 3) return (CN_DIGITS.indexOf(s[0]) + 1) * 10 + CN_DIGITS.indexOf(s[2]) + 1;
  return CN_DIGITS.indexOf(s) + 1;
}

function sectionKind(title: string, years: { reviewed: number; planned: number }): { kind: SectionKind; year: number | null } {
  if (title.includes(GLOSSARY_HEADING)) return { kind: 'GLOSSARY', year: null };
  if (title.includes('问题')) return { kind: 'PROBLEMS', year: years.reviewed };
  if (title.includes('目标')) return { kind: 'TARGETS', year: years.planned };
  if (title.includes(`${years.reviewed}年`)) return { kind: 'REVIEW', year: years.reviewed };
  if (title.includes(`${years.planned}年`)) return { kind: 'PLAN', year: years.planned };
  return { kind: 'PREAMBLE', year: null };
}

/*
 * Item titles usually end at the first 。("1.“双区”建设扎实开展。成立…"). Some run straight into the body
 * ("5.各类英才量质齐升深入实施…"). Then the title ends where a phrase that typically closes a title in these
 * reports (…齐升, …成效, …力度) is followed by a verb that typically opens a body (深入, 围绕, 加快…); failing
 * that, at the first title-closing phrase at least six characters in.
 */
const TITLE_ENDINGS = ['齐升', '实施', '成效', '提升', '有效', '台阶', '推进', '动能', '强区', '建设', '招牌', '力度', '开展', '发展'];
const BODY_OPENINGS = ['深入', '通过', '围绕', '动态', '完成', '办好', '深化', '加快', '持续', '全面', '推动', '坚持'];

export function splitItemTitle(body: string): { title: string; runsIntoBody: boolean } {
  const stop = body.indexOf('。');
  const comma = body.search(/[,,、;;]/);
  if (stop > 0 && (comma < 0 || stop < comma)) return { title: body.slice(0, stop), runsIntoBody: false };
  const clauseEnd = comma < 0 ? body.length : comma;
  const candidates: number[] = [];
  for (const ending of TITLE_ENDINGS) {
    for (let at = body.indexOf(ending); at >= 0 && at < clauseEnd; at = body.indexOf(ending, at + 1)) {
      candidates.push(at + ending.length);
    }
  }
  candidates.sort((a, b) => a - b);
  const paired = candidates.find((end) => end >= 4 && BODY_OPENINGS.some((o) => body.startsWith(o, end)));
  const fallback = candidates.find((end) => end >= 6 && end < clauseEnd);
  const end = paired ?? fallback ?? clauseEnd;
  return { title: body.slice(0, end), runsIntoBody: true };
}

/** Sentence spans of one paragraph: split after 。; and ;, trailing spaces excluded. */
function sentenceSpans(text: string, offset: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ('。;;'.includes(text[i])) {
      spans.push({ start: offset + start, end: offset + i + 1 });
      start = i + 1;
    }
  }
  if (text.slice(start).trim() !== '') spans.push({ start: offset + start, end: offset + text.trimEnd().length });
  return spans.filter((s) => s.end > s.start);
}

export function parseOutline(
  source: string,
  documentId: string,
  years: { reviewed: number; planned: number },
): ParsedOutline {
  const sections: ParsedSection[] = [];
  const passages: ParsedPassage[] = [];
  const glossary: ParsedGlossaryEntry[] = [];
  const passageCount = new Map<string, number>();

  const lines: { text: string; start: number }[] = [];
  let offset = 0;
  for (const raw of source.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') lines.push({ text, start: offset + lead });
    offset += raw.length + 1;
  }

  const title = lines[0].text;
  const open = (s: Omit<ParsedSection, 'order' | 'end'>) => {
    const section: ParsedSection = { ...s, order: sections.length + 1, end: source.length };
    // Close every open section at this level or deeper.
    for (const other of sections) if (other.end === source.length && other.level >= s.level) other.end = s.start;
    sections.push(section);
    return section;
  };
  const addPassages = (section: ParsedSection, text: string, start: number) => {
    for (const span of sentenceSpans(text, start)) {
      const order = (passageCount.get(section.id) ?? 0) + 1;
      passageCount.set(section.id, order);
      passages.push({
        id: `${section.id}#${order}`,
        sectionId: section.id,
        order,
        seq: passages.length + 1,
        text: source.slice(span.start, span.end),
        start: span.start,
        end: span.end,
      });
    }
  };

  let level1 = open({
    id: `${documentId}:0`, number: '0', title, heading: title, level: 1, kind: 'PREAMBLE', year: null,
    parentId: null, start: 0,
  });
  let level2: ParsedSection | null = null;
  let current = level1;

  for (const line of lines) {
    if (PAGE_CHROME.some((re) => re.test(line.text))) continue;
    const h1 = LEVEL1.exec(line.text);
    if (h1 || line.text === GLOSSARY_HEADING) {
      const number = h1 ? h1[1] : GLOSSARY_HEADING;
      const heading = h1 ? h1[2] : GLOSSARY_HEADING;
      level1 = open({
        id: `${documentId}:${h1 ? chineseNumber(number) : 'glossary'}`,
        number, title: heading, heading: line.text, level: 1, ...sectionKind(heading, years),
        parentId: null, start: line.start,
      });
      level2 = null;
      current = level1;
      continue;
    }
    const h2 = LEVEL2.exec(line.text);
    if (h2) {
      level2 = open({
        id: `${level1.id}.${chineseNumber(h2[1])}`,
        number: `(${h2[1]})`, title: h2[2], heading: line.text, level: 2, kind: level1.kind, year: level1.year,
        parentId: level1.id, start: line.start,
      });
      current = level2;
      continue;
    }
    const item = ITEM.exec(line.text);
    if (item && level1.kind !== 'PREAMBLE') {
      const parent = level2 ?? level1;
      const isGlossary = level1.kind === 'GLOSSARY';
      const entry = isGlossary ? /^([^::]+)[::](.*)$/s.exec(item[2]) : null;
      const itemTitle = entry ? entry[1] : splitItemTitle(item[2]).title;
      current = open({
        id: `${parent.id}.${item[1]}`,
        number: item[1], title: itemTitle, heading: `${item[1]}.${itemTitle}`, level: parent.level + 1,
        kind: level1.kind, year: level1.year, parentId: parent.id, start: line.start,
      });
      if (entry) {
        glossary.push({
          number: Number(item[1]), term: entry[1], definition: entry[2].trim(), text: line.text.trim(),
          sectionId: current.id,
        });
      }
      addPassages(current, line.text, line.start);
      continue;
    }
    // A body paragraph (or a —— line) belongs to the innermost open section.
    addPassages(current, line.text, line.start);
  }
  return { title, sections, passages, glossary };
}
