import { MentionRow } from '../graph-data';
import { ParsedPassage } from '../parse/outline';

/**
 * (Passage)-[:MENTIONS]->(Entity) wherever a name or alias occurs in the passage. Longer names win: in
 * "深圳国际低碳城论坛" the passage mentions the forum, not also 深圳国际低碳城. One-character names are ignored.
 */
export function findMentions(passages: Pick<ParsedPassage, 'id' | 'text'>[], byName: ReadonlyMap<string, string>): MentionRow[] {
  const names = [...byName.entries()].filter(([n]) => n.length >= 2).sort(([a], [b]) => b.length - a.length);
  const mentions: MentionRow[] = [];
  for (const p of passages) {
    const taken = new Array<boolean>(p.text.length).fill(false);
    const found = new Set<string>();
    for (const [name, entityId] of names) {
      for (let at = p.text.indexOf(name); at >= 0; at = p.text.indexOf(name, at + 1)) {
        if (taken.slice(at, at + name.length).some(Boolean)) continue;
        taken.fill(true, at, at + name.length);
        found.add(entityId);
      }
    }
    for (const entityId of found) mentions.push({ passageId: p.id, entityId });
  }
  return mentions;
}
