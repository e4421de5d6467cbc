import { isCjk, normalize } from './text';

/**
 * The graph's own names as a dictionary for reading questions: every entity's name and aliases (and 街道 short
 * forms: 坂田 for 坂田街道), normalised as questions are (src/ask/text.ts), plus its English name and the parts of it
 * in brackets ("Low-Carbon Intelligent Manufacturing Hub (East Hub)" → also "east hub"). Questions are scanned
 * leftmost-longest, so 深圳国际低碳城论坛 is the forum and not the zone inside its name.
 */

export type EntityLabel = 'Strategy' | 'District' | 'Project' | 'Indicator' | 'Organization' | 'GlossaryTerm';
export const ENTITY_LABELS: readonly EntityLabel[] = ['Strategy', 'District', 'Project', 'Indicator', 'Organization', 'GlossaryTerm'];

export interface NameEntry {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
  nameEn: string | null;
  kind: string | null;
}

/** A name found in a question: where, the key matched, and every entity that has that key. */
export interface NameMatch {
  start: number;
  end: number;
  key: string;
  entries: NameEntry[];
  /** 'name' when the key is an entity's own name; 'alias' for aliases and short forms; 'english' for English names. */
  via: 'name' | 'alias' | 'english';
}

/** Keys shorter than this are not looked for: one character names nothing reliably. */
const MIN_KEY = 2;
/** English keys of a single short word ("dual") would match ordinary English: at least this many letters. */
const MIN_ENGLISH_KEY = 5;

// Words that an English name may contain but that alone name nothing.
const ENGLISH_NOISE = new Set(['the', 'of', 'and', 'plan', 'area', 'city', 'town', 'district', 'park', 'system', 'mechanism', 'school', 'hospital', 'project', 'projects', 'centre', 'center', 'new town', 'pilot']);

export class NameDictionary {
  private readonly keys = new Map<string, { entries: NameEntry[]; via: NameMatch['via'] }>();
  private readonly maxKey: number;
  readonly entries: readonly NameEntry[];
  readonly byId = new Map<string, NameEntry>();

  constructor(entries: NameEntry[]) {
    this.entries = entries;
    for (const e of entries) {
      this.byId.set(e.id, e);
      this.add(e.name, e, 'name');
      for (const a of e.aliases) this.add(a, e, 'alias');
      if (e.label === 'District' && e.kind === 'SUBDISTRICT' && e.name.endsWith('街道')) this.add(e.name.slice(0, -2), e, 'alias');
      // A glossary term written with its quoted part only (“IT+低碳”智慧园区 → IT+低碳智慧园区 is the normalised name).
      if (e.nameEn) {
        const en = e.nameEn;
        const outer = en.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
        const inner = [...en.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]);
        for (const k of [en, outer, ...inner]) this.add(k, e, 'english');
        // "Bantian Subdistrict" is also "Bantian", as 坂田街道 is 坂田.
        if (e.kind === 'SUBDISTRICT') this.add(outer.replace(/ Subdistrict$/, ''), e, 'english');
      }
    }
    this.maxKey = Math.max(MIN_KEY, ...[...this.keys.keys()].map((k) => k.length));
  }

  private add(raw: string, entry: NameEntry, via: NameMatch['via']): void {
    const key = normalize(raw);
    if (key.length < MIN_KEY) return;
    if (via === 'english') {
      if (isCjk(key) || key.length < MIN_ENGLISH_KEY || ENGLISH_NOISE.has(key)) return;
    }
    const slot = this.keys.get(key);
    if (!slot) {
      this.keys.set(key, { entries: [entry], via });
      return;
    }
    if (!slot.entries.includes(entry)) slot.entries.push(entry);
    // An entity's own name outranks another's alias for the same key (as Query.strategy(name:) does).
    if (via === 'name' && slot.via !== 'name') slot.via = 'name';
  }

  /** Exact lookup of a normalised key. */
  lookup(key: string): NameEntry[] {
    return this.keys.get(normalize(key))?.entries ?? [];
  }

  /**
   * Names in a normalised question, leftmost-longest and not overlapping. Latin keys match only on word
   * boundaries (so "east hub" is not found in "beast hubs"); a key of digits and signs (20+8) not inside a longer
   * number. Bounded: at most maxKey candidate lengths at each of ≤ 200 positions.
   */
  scan(text: string): NameMatch[] {
    const found: NameMatch[] = [];
    let i = 0;
    while (i < text.length) {
      let hit: NameMatch | null = null;
      for (let len = Math.min(this.maxKey, text.length - i); len >= MIN_KEY; len--) {
        const key = text.slice(i, i + len);
        const slot = this.keys.get(key);
        if (!slot || !boundaryOk(text, i, i + len)) continue;
        hit = { start: i, end: i + len, key, entries: slot.entries, via: slot.via };
        break;
      }
      if (hit) {
        found.push(hit);
        i = hit.end;
      } else i += 1;
    }
    return found;
  }
}

const WORDISH = /[a-z0-9]/;

function boundaryOk(text: string, start: number, end: number): boolean {
  const first = text[start];
  const last = text[end - 1];
  if (WORDISH.test(first) && start > 0 && WORDISH.test(text[start - 1])) return false;
  if (WORDISH.test(last) && end < text.length && WORDISH.test(text[end])) return false;
  return true;
}
