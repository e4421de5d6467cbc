import * as OpenCC from 'opencc-js';

/**
 * The one normalisation both sides of a match go through — the dictionary's names when it is built and the
 * question when it arrives: NFKC (full-width → half-width), traditional → simplified (opencc-js, so 龍崗區 meets
 * 龙岗区), quotes, book-title marks and spaces between Chinese characters dropped, lower case. Spaces between Latin
 * words stay (English names match on word boundaries).
 */

// opencc-js builds its tables once (~100 ms); the converter is a pure function afterwards.
let toSimplified: ((s: string) => string) | undefined;

export const MAX_QUESTION_LENGTH = 200;

export function normalize(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return toSimplified(text.normalize('NFKC'))
    .replace(/[“”"‘’'《》「」『』〈〉【】]/g, '')
    .replace(/[?？!！。,，、;；:：]/g, ' ')
    .toLowerCase()
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    // A space between two CJK characters (or a CJK character and a digit) is never meaningful in a name.
    .replace(/(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff0-9])|(?<=[0-9]) (?=[\u3400-\u9fff])/g, '')
    .trim();
}

export const isCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

/** The question's language: Chinese when it holds more CJK characters than Latin letters. */
export function languageOf(question: string): 'zh' | 'en' {
  const cjk = (question.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (question.match(/[A-Za-z]/g) ?? []).length;
  return cjk * 2 >= latin ? 'zh' : 'en';
}
