import { EntityRow, EvidenceRow } from '../graph-data';
import { lookupKeys } from '../names';
import { ParsedPassage } from '../parse/outline';

/**
 * Adds what listings and name lookups need: each entity's normalised lookup keys, and where it first appears
 * (the earliest passage quoted for it, in document order).
 */
export function withLookup(entities: EntityRow[], evidence: EvidenceRow[], passages: ParsedPassage[]): EntityRow[] {
  const seqOf = new Map(passages.map((p) => [p.id, p.seq]));
  const firstSeq = new Map<string, number>();
  for (const e of evidence) {
    const seq = seqOf.get(e.passageId);
    if (seq !== undefined && seq < (firstSeq.get(e.nodeId) ?? Infinity)) firstSeq.set(e.nodeId, seq);
  }
  return entities.map((e) => ({
    ...e,
    props: { ...e.props, lookupKeys: lookupKeys(e.props.name, e.props.aliases, e.props.kind), firstMention: firstSeq.get(e.id) ?? null },
  }));
}
