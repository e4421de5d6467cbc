import { badInput } from './errors';

/**
 * Relay-style pagination. Cursors are opaque (base64 of an offset in the list's stable order): clients must
 * only pass back what they received.
 */

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface Page {
  offset: number;
  limit: number;
}

const PREFIX = 'pg:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** Cursors this API gives out: `pg:` and an offset of at most 15 digits (never `1e300`, never past 2^53). */
const CURSOR = /^pg:(0|[1-9]\d{0,14})$/;

function decodeCursor(cursor: string): number {
  const text = cursor.length <= 64 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = CURSOR.exec(text);
  if (!match) throw badInput(`"${cursor.slice(0, 64)}" is not a cursor this API gave out.`, { argument: 'after' });
  return Number(match[1]);
}

/** A cursor past the end of its list was not given out for it (an empty last page is `after` the last cursor). */
function checkOffset(page: Page, totalCount: number): void {
  if (page.offset > totalCount) {
    throw badInput(`The cursor \`after\` points past the end of the list (${totalCount} items); it was not given out for this list.`, { argument: 'after' });
  }
}

export function pageOf(args: { first?: number | null; after?: string | null }): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}; page with \`after\` for more.`, { argument: 'first', max: MAX_PAGE_SIZE });
  }
  return { offset: args.after ? decodeCursor(args.after) + 1 : 0, limit: first };
}

export interface Connection<E> {
  edges: (E & { cursor: string })[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** A connection over one page of edges, given the page's offset and the full list's length. */
export function connection<E>(pageEdges: E[], page: Page, totalCount: number): Connection<E> {
  checkOffset(page, totalCount);
  const edges = pageEdges.map((edge, i) => ({ ...edge, cursor: encodeCursor(page.offset + i) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.offset + edges.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/**
 * Pages a list that is already in memory (a relationship fan-out loaded by a DataLoader). The page is checked
 * (pageOf) before the list is loaded, so a bad `first` or cursor costs no round trip.
 */
export function paginate<E>(all: E[], page: Page): Connection<E> {
  return connection(all.slice(page.offset, page.offset + page.limit), page, all.length);
}
