/**
 * How a name typed by a user is matched to the report's names: the same normalisation runs when the graph is
 * loaded (Entity.lookupKeys) and when a query arrives, so "IT+BT+低碳", "“IT+BT+低碳”" and "it + bt + 低碳"
 * meet, as do 港中大(深圳) and 港中大(深圳).
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC') // full-width ( ) + , … → ( ) + , …
    .replace(/[“”"‘’'《》「」『』\s]/g, '')
    .toLowerCase();
}

/** Lookup keys of an entity: its name and aliases, normalised; a 街道 is also found by its name without 街道. */
export function lookupKeys(name: string, aliases: string[], kind?: unknown): string[] {
  const keys = [name, ...aliases].map(normalizeName);
  if (kind === 'SUBDISTRICT' && name.endsWith('街道')) keys.push(normalizeName(name.slice(0, -2)));
  return [...new Set(keys)].filter(Boolean);
}
