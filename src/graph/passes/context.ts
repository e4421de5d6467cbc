import { Citation, EvidenceRow } from '../graph-data';
import { ParsedPassage } from '../parse/outline';

/**
 * What every pass of a build shares: the document, its text and passages, the problems found so far (a build
 * reports every problem at once, not the first), and the EVIDENCED_BY rows the passes attach to nodes.
 */
export class BuildContext {
  readonly problems: string[] = [];
  readonly evidence: EvidenceRow[] = [];

  constructor(
    readonly documentId: string,
    private readonly source: string,
    private readonly passages: ParsedPassage[],
  ) {}

  /** Records a problem once (a quote both cited and attached is one problem). */
  problem(message: string): void {
    if (!this.problems.includes(message)) this.problems.push(message);
  }

  /** The ids of the passages a quote overlaps, or null when the quote is not in the source. */
  passagesOf(quote: string): string[] | null {
    const at = this.source.indexOf(quote);
    if (at < 0) return null;
    const end = at + quote.length;
    return this.passages.filter((p) => p.start < end && p.end > at).map((p) => p.id);
  }

  /** A fact's quotes, deduplicated, with the first passage of each; a quote not in the source is a problem. */
  cite(quotes: string[], where: string): Citation {
    const evidence = [...new Set(quotes)];
    const passageIds: string[] = [];
    for (const quote of evidence) {
      const ids = this.passagesOf(quote);
      if (ids === null) this.problem(`${where}: evidence "${quote}" is not an exact substring of the source text`);
      else passageIds.push(ids[0]);
    }
    return { evidence, passageIds };
  }

  /** Evidences a node: one EVIDENCED_BY row for every passage each quote overlaps. */
  attach(nodeId: string, quotes: string[], where: string): void {
    for (const quote of quotes) {
      for (const passageId of this.passagesOf(quote) ?? []) this.evidence.push({ nodeId, passageId, quote, documentId: this.documentId });
    }
    this.cite(quotes, where);
  }
}
