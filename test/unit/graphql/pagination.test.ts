import { GraphQLError } from 'graphql';
import { connection, DEFAULT_PAGE_SIZE, encodeCursor, MAX_PAGE_SIZE, pageOf, paginate } from '../../../src/graphql/pagination';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(GraphQLError);
    return { code: (err as GraphQLError).extensions.code, argument: (err as GraphQLError).extensions.argument, message: (err as GraphQLError).message };
  }
  throw new Error('accepted');
};

describe('pageOf: first and after as an offset and a limit', () => {
  it.each([
    [{}, { offset: 0, limit: DEFAULT_PAGE_SIZE }],
    [{ first: null, after: null }, { offset: 0, limit: DEFAULT_PAGE_SIZE }],
    [{ first: 0 }, { offset: 0, limit: 0 }],
    [{ first: MAX_PAGE_SIZE }, { offset: 0, limit: MAX_PAGE_SIZE }],
    [{ first: 10, after: encodeCursor(0) }, { offset: 1, limit: 10 }],
    [{ first: 10, after: encodeCursor(41) }, { offset: 42, limit: 10 }],
  ])('%j → %j', (args, page) => {
    expect(pageOf(args)).toEqual(page);
  });

  it.each([
    [{ first: -1 }, 'first'],
    [{ first: MAX_PAGE_SIZE + 1 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ after: Buffer.from('pg:-3').toString('base64url') }, 'after'],
    [{ after: Buffer.from('pg:1.5').toString('base64url') }, 'after'],
    [{ after: Buffer.from('xx:3').toString('base64url') }, 'after'],
  ])('refuses %j as BAD_USER_INPUT naming the argument %s', (args, argument) => {
    expect(codeOf(() => pageOf(args))).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

describe('connections', () => {
  it('gives each edge the cursor of its position, and says whether pages come before and after', () => {
    const page = pageOf({ first: 2, after: encodeCursor(0) });
    const c = connection([{ n: 'b' }, { n: 'c' }], page, 4);
    expect(c.edges.map((e) => e.cursor)).toEqual([encodeCursor(1), encodeCursor(2)]);
    expect(c.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor(1), endCursor: encodeCursor(2) });
    expect(c.totalCount).toBe(4);
  });

  it('pages an in-memory list to its end, and an empty page has null cursors', () => {
    const all = ['a', 'b', 'c'].map((n) => ({ n }));
    const last = paginate(all, pageOf({ first: 2, after: encodeCursor(1) }));
    expect(last.edges.map((e) => e.n)).toEqual(['c']);
    expect(last.pageInfo.hasNextPage).toBe(false);
    // After the last cursor: an empty page (its cursors null); past it, a cursor never given out for this list.
    const empty = paginate(all, pageOf({ first: 2, after: encodeCursor(2) }));
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
    expect(() => paginate(all, pageOf({ first: 2, after: encodeCursor(5) }))).toThrow(/points past the end of the list \(3 items\)/);
  });

  it('refuses cursors it did not give out: not base64 of pg:<offset>, exponents, offsets past 2^53', () => {
    const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    for (const bad of [cursor('pg:1e300'), cursor('pg:-1'), cursor('pg:9007199254740993'), cursor('pg:01'), 'x'.repeat(100), cursor('pg:1.5')]) {
      expect(() => pageOf({ after: bad })).toThrow(/is not a cursor this API gave out/);
    }
    expect(pageOf({ after: cursor('pg:41') }).offset).toBe(42);
  });
});
