/**
 * The base of every error PlanGraph expects and can explain (bad configuration, invalid fixtures, no Java, Neo4j
 * unreachable, …): a stable `code` and a message that says what to do. Entry points print only the message of a
 * PlanGraphError and the whole stack of anything else, which is a bug. Recognised with `instanceof`, never by
 * the shape of the object.
 */
export abstract class PlanGraphError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
