import { EntityLabel, NameDictionary, NameEntry, NameMatch } from './dictionary';
import { CATEGORY_WORDS, CUES, STAGE_WORDS } from './lexicon';
import { contentWords } from './segment';
import { languageOf, MAX_QUESTION_LENGTH, normalize } from './text';

/**
 * A question in words → a Reading: the shape it has, the entities it names, the year, stage or category it
 * restricts to, and every reason it is not sure (caps). It never touches the graph: src/ask/plan.ts turns a
 * Reading into the GraphQL operation that answers it.
 */

export type Shape =
  | 'SERVES' | 'LOCATED_IN' | 'RUN_BY' | 'PARTS' | 'ANCHORS' | 'WHERE' | 'VALUES' | 'STAGE' | 'STAGE_LIST'
  | 'CARRIED_OVER' | 'DEFINITION' | 'CONNECTION' | 'COUNT' | 'RANKING' | 'TOPIC' | 'SEARCH';

export interface Clarification {
  message: string;
  options: string[];
}

export interface Reading {
  question: string;
  text: string;
  language: 'zh' | 'en';
  shape: Shape;
  targets: NameEntry[];
  year: number | null;
  stage: { stage: string; zh: string; en: string } | null;
  category: { categories: string[]; zh: string; en: string } | null;
  /** RANKING: which level of place is ranked. */
  placeKind: 'SUBDISTRICT' | 'ZONE' | null;
  /** VALUES: which values were asked for. */
  valueKind: 'ACTUAL' | 'TARGET' | 'BOTH';
  /** TOPIC / SEARCH: the words searched. */
  keyword: string | null;
  /** Why the answer cannot be HIGH, whatever it returns. Empty: the question was fully understood. */
  caps: string[];
  /** Readings considered when unsure. */
  clarifications: Clarification[];
  /** Words nobody understood. */
  leftovers: string[];
}

/** Years the report speaks of: 2022 reviewed, 2023 planned. Other years are not in the graph. */
export const GRAPH_YEARS = [2022, 2023];
const MAX_TARGETS = 5;

// Which labels each shape's targets may have, best first.
const WANTS: Partial<Record<Shape, EntityLabel[]>> = {
  SERVES: ['Strategy'],
  LOCATED_IN: ['District'],
  RUN_BY: ['Organization'],
  PARTS: ['Strategy', 'Project', 'District'],
  ANCHORS: ['Strategy'],
  WHERE: ['Project', 'Organization', 'District'],
  VALUES: ['Indicator'],
  STAGE: ['Project', 'Organization'],
  DEFINITION: ['GlossaryTerm', 'Strategy', 'District', 'Project', 'Organization', 'Indicator'],
  CONNECTION: ['Strategy', 'District', 'Project', 'Organization', 'Indicator', 'GlossaryTerm'],
};

const has = (re: RegExp, t: string) => re.test(t);

export function parseQuestion(raw: string, dict: NameDictionary): Reading {
  const question = raw.slice(0, MAX_QUESTION_LENGTH);
  const language = languageOf(question);
  const text = normalize(question);
  const matches = dict.scan(text).slice(0, 20);

  const reading: Reading = {
    question, text, language, shape: 'SEARCH', targets: [], year: null, stage: null, category: null, placeKind: null,
    valueKind: 'BOTH', keyword: null, caps: [], clarifications: [], leftovers: [],
  };

  // Years: any four-digit year; one outside the graph's is a question the graph cannot answer.
  const years = [...new Set([...text.matchAll(/(?<![0-9])(20[0-9]{2})(?![0-9])/g)].map((m) => Number(m[1])))];
  const missingYears = years.filter((y) => !GRAPH_YEARS.includes(y));
  reading.year = years.length === 1 ? years[0] : null;

  // What remains once the names are blanked out: cues are read there, so a cue inside a name (服务 in 公共服务…)
  // does not count.
  let rest = text;
  for (const m of [...matches].reverse()) rest = `${rest.slice(0, m.start)} ⟨⟩ ${rest.slice(m.end)}`;
  const cue = (k: keyof typeof CUES) => has(CUES[k], rest);

  const stage = STAGE_WORDS.find(([re]) => re.test(rest));
  if (stage) reading.stage = { stage: stage[1], zh: stage[2], en: stage[3] };
  const category = CATEGORY_WORDS.find(([re]) => re.test(rest));
  if (category) reading.category = { categories: category[1], zh: category[2], en: category[3] };

  // Words that were not understood: not a name, a year, a cue or a stop word.
  const residue = rest.replace(/⟨⟩/g, ' ').replace(/(?<![0-9])20[0-9]{2}(?![0-9])/g, ' ');
  reading.leftovers = contentWords(residue).slice(0, 20);

  const labelsOf = (m: NameMatch) => new Set(m.entries.map((e) => e.label));
  const anyOf = (label: EntityLabel) => matches.some((m) => labelsOf(m).has(label));
  const nonGlossary = matches.filter((m) => m.entries.some((e) => e.label !== 'GlossaryTerm'));
  const projectLike = anyOf('Project') || anyOf('Organization');

  // The shape, most specific cue first.
  let shape: Shape;
  if (matches.length >= 2 && cue('connection')) shape = 'CONNECTION';
  else if (cue('ranking') && (cue('subdistrictWord') || cue('zoneWord'))) shape = 'RANKING';
  else if (cue('count') && !anyOf('Indicator')) shape = 'COUNT';
  else if (reading.stage && cue('list') && !projectLike) shape = 'STAGE_LIST';
  else if (cue('carried') && !projectLike) shape = 'CARRIED_OVER';
  else if (anyOf('Indicator')) shape = 'VALUES';
  else if (projectLike && (cue('progress') || reading.stage || (years.length > 0 && !cue('where')))) shape = 'STAGE';
  else if (cue('anchors') && anyOf('Strategy')) shape = 'ANCHORS';
  else if (cue('projectWord') && anyOf('Strategy') && !anyOf('District')) shape = 'SERVES';
  else if (cue('serves') && anyOf('Strategy') && !anyOf('District')) shape = 'SERVES';
  else if (cue('projectWord') && anyOf('District')) shape = 'LOCATED_IN';
  else if ((cue('projectWord') || cue('runBy')) && anyOf('Organization')) shape = 'RUN_BY';
  else if (cue('where') && (projectLike || anyOf('District'))) shape = 'WHERE';
  else if (cue('parts') && (anyOf('Strategy') || anyOf('Project') || anyOf('District'))) shape = 'PARTS';
  else if (cue('zoneWord') && anyOf('District') && cue('list')) shape = 'PARTS';
  else if (cue('definition') && matches.length > 0) shape = 'DEFINITION';
  else if (matches.length > 0 && cue('topic')) shape = 'TOPIC';
  else if (matches.length === 1 && nonGlossary.length <= 1 && reading.leftovers.length === 0) {
    shape = 'DEFINITION';
    reading.caps.push('no question word: read as "what is it"');
  } else if (cue('topic')) shape = 'TOPIC';
  else shape = 'SEARCH';
  reading.shape = shape;

  // Targets: per name, the entity of the best label the shape wants; names the shape cannot use are reported.
  const wants = WANTS[shape];
  const filterByShape: Partial<Record<Shape, EntityLabel[]>> = {
    STAGE_LIST: ['District', 'Strategy'], COUNT: ['District', 'Strategy'], CARRIED_OVER: ['District', 'Strategy'],
    TOPIC: ['Strategy', 'District', 'Project', 'Organization', 'Indicator', 'GlossaryTerm'],
  };
  const usable = wants ?? filterByShape[shape] ?? [];
  for (const m of matches) {
    const best = usable.map((label) => m.entries.filter((e) => e.label === label)).find((list) => list.length > 0);
    if (!best) {
      // A generic indicator name read as a noun of a listing (哪些道路动工 holds the indicator 道路动工).
      reading.caps.push(`"${m.key}" names ${m.entries.map((e) => e.name).join(' / ')}, which this question does not use`);
      continue;
    }
    if (best.length > 1) {
      reading.caps.push(`"${m.key}" names ${best.length} entities`);
      reading.clarifications.push({ message: language === 'zh' ? `“${m.key}”指哪一个?` : `Which "${m.key}" do you mean?`, options: best.map((e) => e.name) });
    }
    if (!reading.targets.some((t) => t.id === best[0].id)) reading.targets.push(best[0]);
    if (m.via === 'english') reading.caps.push(`"${m.key}" is a curated English name, not the report's`);
  }
  reading.targets = reading.targets.slice(0, MAX_TARGETS);

  if (reading.leftovers.length) reading.caps.push(`words not understood: ${reading.leftovers.join(' ')}`);
  if (missingYears.length) {
    reading.caps.push(`the report has no figures for ${missingYears.join(', ')}`);
    reading.clarifications.push({
      message: language === 'zh' ? `报告只有2022年的执行情况和2023年的计划,没有${missingYears.join('、')}年。` : `The report covers 2022 (results) and 2023 (plans) only, not ${missingYears.join(', ')}.`,
      options: [],
    });
  }
  if (years.length > 1 && shape !== 'VALUES') reading.caps.push('several years');

  // Shape-specific details.
  if (shape === 'VALUES') {
    const target = /目标|计划|预期|target|goal|plan/.test(rest) || reading.year === 2023;
    const actual = /实际|完成|结果|实现|actual|result|achiev/.test(rest) || reading.year === 2022;
    const both = /变化|对比|相比|比较|与|和|vs|versus|compare|change|and/.test(rest) || years.length > 1;
    reading.valueKind = both || target === actual ? 'BOTH' : target ? 'TARGET' : 'ACTUAL';
  }
  if (shape === 'RANKING') reading.placeKind = cue('subdistrictWord') ? 'SUBDISTRICT' : 'ZONE';
  if (shape === 'STAGE_LIST' && reading.year === null) {
    // The report reviews 2022 and plans 2023; without a year, the tense decides, and the answer says so.
    if (has(CUES.future, rest)) reading.year = 2023;
    else if (has(CUES.past, rest)) reading.year = 2022;
    reading.caps.push(reading.year ? `no year given: read as ${reading.year} from the tense` : 'no year given');
  }
  if (shape === 'CARRIED_OVER') reading.caps.push('"carried over" read as: a stage in both 2022 and 2023');
  if (shape === 'DEFINITION' && reading.targets.length === 0) reading.shape = 'TOPIC';
  if (reading.shape === 'TOPIC' || reading.shape === 'SEARCH') {
    const words = reading.targets.length ? [] : reading.leftovers;
    reading.keyword = reading.targets[0]?.name ?? (words.length ? words.sort((a, b) => b.length - a.length)[0] : null);
    if (reading.targets.length === 0) {
      // The keyword is searched, so it is no longer a word nobody understood; the reading stays a topic search.
      reading.caps = reading.caps.filter((c) => !c.startsWith('words not understood'));
      const others = reading.leftovers.filter((w) => w !== reading.keyword);
      if (others.length) reading.caps.push(`words not understood: ${others.join(' ')}`);
      reading.caps.push('no name of the graph in the question: a search');
      // Names that hold the word: offered, never chosen.
      const options = reading.keyword ? dict.entries.filter((e) => e.label !== 'GlossaryTerm' && normalize(e.name).includes(reading.keyword!)).slice(0, 6) : [];
      if (options.length > 1) {
        reading.clarifications.push({
          message: language === 'zh' ? `“${reading.keyword}”是指哪一个?` : `Which one do you mean by "${reading.keyword}"?`,
          options: options.map((e) => e.name),
        });
      }
    }
  }
  const needsTarget: Shape[] = ['SERVES', 'LOCATED_IN', 'RUN_BY', 'PARTS', 'ANCHORS', 'WHERE', 'VALUES', 'STAGE', 'DEFINITION'];
  if (needsTarget.includes(reading.shape) && reading.targets.length === 0) {
    reading.shape = 'SEARCH';
    reading.caps.push('the names found do not fit the question');
    reading.keyword = matches[0]?.key ?? reading.leftovers[0] ?? null;
  }
  if (reading.shape === 'CONNECTION' && reading.targets.length < 2) {
    reading.shape = 'SEARCH';
    reading.keyword = matches[0]?.key ?? null;
    reading.caps.push('a connection needs two names');
  }
  if (!['CONNECTION', 'DEFINITION', 'TOPIC', 'SEARCH'].includes(reading.shape) && reading.targets.length > 1) {
    reading.caps.push(`several names (${reading.targets.map((t) => t.name).join(', ')}): the first is used`);
  }
  return reading;
}
