import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * /metrics in Prometheus' text format (prom-client): requests and latency by operation, errors by code, Cypher
 * round trips, whether Neo4j answers, what the caches hold, load shedding. One registry per app, so several apps in
 * one process (tests) do not share counters.
 *
 * Operation labels are a fixed set: the names of the operations PlanGraph's documents and clients use
 * (src/http/operations.ts), `anonymous` for unnamed ones, and `other` for every other name. Names come from
 * clients; a label per name (or per first-come name, as before) would let anyone grow or use up the series.
 */

export interface MetricsSources {
  isNeo4jUp: () => boolean;
  /** The operation names that get their own label. */
  knownOperations: ReadonlySet<string>;
  /** The statement result cache's bytes and entries now, when there is one. */
  resultCache?: () => { bytes: number; entries: number } | null;
  /** Whether load shedding is answering 503 now. */
  underPressure?: () => boolean;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly known: ReadonlySet<string>;
  readonly requests = new Counter({
    name: 'plangraph_graphql_requests_total', help: 'GraphQL requests by operation name and HTTP status',
    labelNames: ['operation', 'status'] as const, registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'plangraph_graphql_request_duration_seconds', help: 'GraphQL request latency by operation name',
    labelNames: ['operation'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'plangraph_graphql_errors_total', help: 'GraphQL errors by extensions.code', labelNames: ['code'] as const, registers: [this.registry],
  });
  readonly roundTrips = new Histogram({
    name: 'plangraph_cypher_round_trips', help: 'Cypher statements sent to Neo4j per GraphQL request',
    buckets: [0, 1, 2, 3, 5, 8, 13, 21], registers: [this.registry],
  });
  readonly http = new Counter({
    name: 'plangraph_http_requests_total', help: 'All HTTP requests by route and status', labelNames: ['route', 'status'] as const, registers: [this.registry],
  });
  readonly exportBuilds = new Counter({
    name: 'plangraph_export_builds_total', help: 'Times the /export/ files were made (once per graph load)', registers: [this.registry],
  });
  readonly neo4jUp: Gauge;

  constructor(sources: MetricsSources) {
    this.known = sources.knownOperations;
    this.neo4jUp = new Gauge({
      name: 'plangraph_neo4j_up', help: '1 while Neo4j answers, 0 during an outage', registers: [this.registry],
      collect() {
        this.set(sources.isNeo4jUp() ? 1 : 0);
      },
    });
    const cache = sources.resultCache;
    if (cache) {
      new Gauge({
        name: 'plangraph_result_cache_bytes', help: 'Estimated bytes held by the statement result cache (bounded by PLANGRAPH_RESULT_CACHE_MB)',
        registers: [this.registry],
        collect() {
          this.set(cache()?.bytes ?? 0);
        },
      });
      new Gauge({
        name: 'plangraph_result_cache_entries', help: 'Statement results held (bounded by PLANGRAPH_RESULT_CACHE_ENTRIES)', registers: [this.registry],
        collect() {
          this.set(cache()?.entries ?? 0);
        },
      });
    }
    const pressure = sources.underPressure;
    if (pressure) {
      new Gauge({
        name: 'plangraph_under_pressure', help: '1 while load shedding answers 503 (event-loop delay, heap or RSS over its limit)',
        registers: [this.registry],
        collect() {
          this.set(pressure() ? 1 : 0);
        },
      });
    }
    collectDefaultMetrics({ register: this.registry, prefix: 'plangraph_' });
  }

  /** The label for a client's operation name: a known name, `anonymous` or `other`. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    return this.known.has(name) ? name : 'other';
  }
}
