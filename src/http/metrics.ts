import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * /metrics in Prometheus' text format (prom-client): requests and latency by operation, errors by code, Cypher
 * round trips, and whether Neo4j answers. One registry per app, so several apps in one process (tests) do not
 * share counters. Operation names come from clients: only well-formed ones are labels, and at most
 * MAX_OPERATION_LABELS distinct ones; the rest count as "other", so a hostile client cannot grow the series.
 */

const MAX_OPERATION_LABELS = 100;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export class Metrics {
  readonly registry = new Registry();
  private readonly seen = new Set<string>();
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
  readonly neo4jUp: Gauge;

  constructor(isNeo4jUp: () => boolean) {
    this.neo4jUp = new Gauge({
      name: 'plangraph_neo4j_up', help: '1 while Neo4j answers, 0 during an outage', registers: [this.registry],
      collect() {
        this.set(isNeo4jUp() ? 1 : 0);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'plangraph_' });
  }

  /** The label for a client's operation name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!NAME.test(name)) return 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= MAX_OPERATION_LABELS) return 'other';
    this.seen.add(name);
    return name;
  }
}
