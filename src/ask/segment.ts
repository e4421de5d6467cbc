import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { LEFTOVER_STOP } from './lexicon';

/**
 * The rest of a question, once its names are taken out, cut into words by jieba (@node-rs/jieba: prebuilt, no
 * model weights, deterministic). The cue words are loaded as a user dictionary so 服务于 or 依托 stay one word
 * and are recognised as cues rather than split into fragments that look like content.
 */

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const cues = [...LEFTOVER_STOP].filter((w) => /[\u3400-\u9fff]/.test(w) && w.length > 1);
    jieba.loadDict(Buffer.from(cues.map((w) => `${w} 100000 v`).join('\n')));
  }
  return jieba;
}

/** Content words of a text: jieba's words that are not stop or cue words, digits, punctuation or single letters. */
export function contentWords(text: string): string[] {
  // ≤ 200 characters in, so at most 200 words out.
  const words = /[\u3400-\u9fff]/.test(text) ? segmenter().cut(text, false) : text.split(/[^a-z0-9+\u3400-\u9fff]+/);
  return words.map((w) => w.trim()).filter((w) => w.length > 0 && !LEFTOVER_STOP.has(w) && !/^[\s\p{P}\p{S}0-9]+$/u.test(w) && !(w.length === 1 && /[a-z]/.test(w)))
    .flatMap((w) => (/[\u3400-\u9fff]/.test(w) && /\s/.test(w) ? w.split(/\s+/) : [w]))
    .filter((w) => !LEFTOVER_STOP.has(w));
}

/** Preloads jieba's dictionary (≈ 0.3 s) so the first question does not pay for it. */
export function warmSegmenter(): void {
  segmenter();
}
