/**
 * Reading indicator values as a machine should: the bound a qualifier states (以上 is AT_LEAST, 超 MORE_THAN …), the
 * value in the report's own words (2.62万套, not 26200套), and whether two values can be compared.
 */

export type BoundKind = 'EXACT' | 'AT_LEAST' | 'MORE_THAN' | 'AT_MOST' | 'ABOUT';

/** Qualifier words and the bound they state, longest first so 不少于 is read before 少于, 超过 before 超. */
const BOUND_WORDS: [string, BoundKind][] = (
  [
    ['不少于', 'AT_LEAST'], ['不低于', 'AT_LEAST'], ['以上', 'AT_LEAST'], ['至少', 'AT_LEAST'],
    ['不超过', 'AT_MOST'], ['以内', 'AT_MOST'], ['以下', 'AT_MOST'], ['不高于', 'AT_MOST'], ['近', 'AT_MOST'],
    ['超过', 'MORE_THAN'], ['突破', 'MORE_THAN'], ['超', 'MORE_THAN'], ['破', 'MORE_THAN'], ['余', 'MORE_THAN'], ['多', 'MORE_THAN'],
    ['左右', 'ABOUT'], ['约', 'ABOUT'], ['大约', 'ABOUT'],
  ] as [string, BoundKind][]
).sort((a, b) => b[0].length - a[0].length);

/** The bound a qualifier states; qualifiers that do not bound the figure (累计, 按自然口径计算, 1-11月) are EXACT. */
export function boundOf(qualifier: string | null | undefined): BoundKind {
  if (!qualifier) return 'EXACT';
  return BOUND_WORDS.find(([word]) => qualifier.includes(word))?.[1] ?? 'EXACT';
}

const SUFFIX_QUALIFIERS = ['左右', '以上', '以内', '以下'];

/** 7 % 左右 → "7%左右"; 4 亿元 超 → "超4亿元": the value rebuilt from its parts, when the quote does not show it. */
export function composedDisplay(value: number, unit: string, qualifier: string | null): string {
  const number = `${value}${unit}`;
  if (!qualifier) return number;
  return SUFFIX_QUALIFIERS.includes(qualifier) ? `${number}${qualifier}` : `${qualifier}${number}`;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const plain = (n: number) => String(Number(n.toFixed(6)));

/** The ways the report may write a number: 26200, 2.62万, 2万, 一万, 千 (破千亿), 3.0. */
function numberForms(value: number): string[] {
  const v = Math.abs(value);
  const forms = new Set([plain(v), v.toFixed(1), v.toFixed(2)]);
  for (const [scale, word] of [[1e4, '万'], [1e8, '亿'], [1e3, '千']] as const) {
    if (v >= scale) {
      const scaled = v / scale;
      forms.add(`${plain(scaled)}${word}`);
      if (Number.isInteger(scaled) && scaled >= 1 && scaled <= 9) forms.add(`${CN_DIGITS[scaled]}${word}`);
      if (scaled === 1) forms.add(word);
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * The value as the report writes it, found in its own quote: "不少于2.62万套", "超2万座", "7%左右", "破千亿"; for a
 * qualifier that is itself the figure (半数以上) the qualifier alone. Null when the quote does not show the number
 * with its unit (the caller then composes one).
 */
export function reportWords(value: number, unit: string, qualifier: string | null, quotes: string[]): string | null {
  const q = qualifier ? `(?:${escape(qualifier)})?` : '';
  const sign = value < 0 ? '(?:下降|下滑|减少|回落|负|-)' : '';
  const numbers = numberForms(value).map(escape).join('|');
  // The unit may be split by the scale word (2.62万套) or be absent after 千 (破千亿 for 1000亿元: 亿 in the number).
  const unitPattern = `(?:${escape(unit)}|${escape(unit.replace(/元$/, ''))})`;
  const re = new RegExp(`${q}${sign}(?<![\\d.])(?:${numbers})(?![\\d.])${q}${unitPattern}${q}`);
  for (const quote of quotes) {
    const hit = re.exec(quote);
    if (hit) return hit[0];
  }
  // A qualifier that is itself the figure in words (半数以上 for 50%, 十强 for rank 10) is what the report says.
  if (qualifier && !/\d/.test(qualifier) && /[一二三四五六七八九十百千万半数成倍]/.test(qualifier) && quotes.some((quote) => quote.includes(qualifier))) return qualifier;
  return null;
}

export interface ValueRow {
  year: number;
  kind: string;
  /** Null when the report states the value in words only. */
  value: number | null;
  unit: string;
  qualifier: string | null;
  scope?: string | null;
}

export interface Change {
  from: ValueRow | null;
  to: ValueRow | null;
  delta: number | null;
  ratio: number | null;
  comparable: boolean;
  reason: string | null;
}

/** Compares two values of one indicator; `several` says a side had more than one value for its year and kind. */
export function compareValues(from: ValueRow[], to: ValueRow[], label: { from: string; to: string }): Change {
  const [a, b] = [from[0] ?? null, to[0] ?? null];
  const fail = (reason: string): Change => ({ from: a, to: b, delta: null, ratio: null, comparable: false, reason });
  if (!a) return fail(`no ${label.from} value`);
  if (!b) return fail(`no ${label.to} value`);
  if (from.length > 1) return fail(`${from.length} ${label.from} values (${from.map((v) => v.value).join(', ')}): the report states several figures`);
  if (to.length > 1) return fail(`${to.length} ${label.to} values (${to.map((v) => v.value).join(', ')}): the report states several figures`);
  // A value the report states in words only (no number) has nothing to subtract.
  if (a.value === null || a.value === undefined) return fail(`the ${label.from} value is stated in words only`);
  if (b.value === null || b.value === undefined) return fail(`the ${label.to} value is stated in words only`);
  if (a.unit !== b.unit) return fail(`different units: ${a.unit} and ${b.unit}`);
  if ((a.scope ?? null) !== (b.scope ?? null)) return fail(`different scopes: ${a.scope ?? 'the indicator as named'} and ${b.scope ?? 'the indicator as named'}`);
  const delta = Number((b.value - a.value).toFixed(6));
  return { from: a, to: b, delta, ratio: a.value === 0 ? null : Number((b.value / a.value).toFixed(6)), comparable: true, reason: null };
}
