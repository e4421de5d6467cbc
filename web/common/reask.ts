// Shared by the ask boxes of /explore and the playground: a clarification's option turned into the question to ask.

/**
 * The question re-asked with a clarification's option: the longest part of the question around the unclear word
 * (quoted in the clarification's message) that the option contains is replaced by the option
 * (低碳有哪些项目 + 深圳国际低碳城 → 深圳国际低碳城有哪些项目). Without the word in the question, the option alone is asked.
 */
export function reask(question: string, message: string, option: string): string {
  const word = /[“"]([^”"]+)[”"]/.exec(message)?.[1];
  const q = question.toLowerCase();
  const o = option.toLowerCase();
  const at = word ? q.indexOf(word.toLowerCase()) : -1;
  if (!word || at < 0) return option;
  let best: [number, number] = [at, at + word.length];
  for (let i = 0; i <= at; i++) {
    for (let j = q.length; j >= at + word.length; j--) {
      if (j - i > best[1] - best[0] && o.includes(q.slice(i, j))) best = [i, j];
    }
  }
  return question.slice(0, best[0]) + option + question.slice(best[1]);
}
