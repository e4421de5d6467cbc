import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode, getArgumentValues, getNamedType, getNullableType, GraphQLCompositeType, GraphQLError, GraphQLField, GraphQLNamedType,
  GraphQLSchema, isAbstractType, isInterfaceType, isLeafType, isListType, isObjectType, Kind, OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import type { Limits } from '../../config';
import type { Cypher } from '../../neo4j/cypher';
import { num, str } from '../graph-rows';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination';
import { ENCLOSING_ARGUMENTS, EnclosingArguments, listBound, Measurements } from './bounds';
import { LimitError } from './limit-error';

/**
 * The cost limit: an upper bound on the objects an answer can hold, computed before anything runs, from the
 * operation, its variables and the loaded graph's real fan-outs (bounds.ts).
 *   a connection     1 + `first` (default 50; a value the resolver refuses counts as the maximum, 500) × its edge
 *   an unpaged list  its bound × (1 + what each item holds)
 *   an object        1 + what it holds; scalars are free
 * Fragments on an abstract type count the costliest object type they can meet, not the sum of all branches.
 * Each named fragment is costed once per request however often it is spread, so the work is linear in the
 * document (graphql-query-complexity, used before, re-walked every spread and threw past 10,000 nodes; that
 * throw was caught and the check skipped). Any failure to compute the cost refuses the request: fail closed.
 *
 * Introspection fields (__schema, __type) cost nothing here: graphql-js's MaxIntrospectionDepthRule (part of
 * Apollo's validation) bounds their nesting, and the runtime budget (budget.ts) bounds what they return.
 */

/** Beyond this the number is only "too much": keeps the arithmetic finite and the message readable. */
const CEILING = Number.MAX_SAFE_INTEGER;

export function operationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  measurements: Measurements,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): number {
  const operation = operationOf(document, operationName);
  if (!operation) return 0; // no such operation: execution refuses it, nothing runs
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  /** Fragment name and the enclosing arguments it was costed under → its cost (a handful of entries per fragment). */
  const fragmentCosts = new Map<string, number>();

  const typeNamed = (name: string | undefined, fallback: GraphQLNamedType): GraphQLNamedType => (name ? schema.getType(name) ?? fallback : fallback);

  const fieldCost = (parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, node: import('graphql').FieldNode, scope: EnclosingArguments): number => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) return 0;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, variables);
    } catch {
      args = {}; // a variable that does not coerce: execution reports it; cost the field at its largest
      if (field.args.some((a) => a.name === 'first')) args = { first: MAX_PAGE_SIZE };
    }
    let inner = scope;
    for (const name of ENCLOSING_ARGUMENTS) if (name in args) inner = { ...inner, [name]: args[name] };
    const child = node.selectionSet ? setCost(node.selectionSet, named, inner) : 0;
    if (named.name.endsWith('Connection')) {
      const first = args.first;
      const size = first === undefined || first === null ? DEFAULT_PAGE_SIZE
        : typeof first === 'number' && Number.isInteger(first) && first >= 0 ? Math.min(first, MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
      return 1 + size * child;
    }
    // A connection's edges are its page: already counted by the connection.
    if (field.name === 'edges' && parent.name.endsWith('Connection')) return child;
    if (isListType(getNullableType(field.type))) return listBound(`${parent.name}.${field.name}`, args, measurements, scope) * (1 + child);
    return 1 + child;
  };

  const fragmentCost = (name: string, scope: EnclosingArguments): { cost: number; on: GraphQLNamedType } | null => {
    const fragment = fragments.get(name);
    if (!fragment) return null;
    const on = schema.getType(fragment.typeCondition.name.value);
    if (!on) return null;
    const key = `${name} ${ENCLOSING_ARGUMENTS.map((a) => (Array.isArray(scope[a]) ? (scope[a] as unknown[]).length : '-')).join(',')}`;
    let cost = fragmentCosts.get(key);
    if (cost === undefined) {
      fragmentCosts.set(key, 0); // a cycle (refused by NoFragmentCyclesRule) adds nothing
      cost = setCost(fragment.selectionSet, on, scope);
      fragmentCosts.set(key, cost);
    }
    return { cost, on };
  };

  function setCost(set: SelectionSetNode, parent: GraphQLNamedType, scope: EnclosingArguments): number {
    let direct = 0;
    const branches: [GraphQLNamedType, number][] = [];
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
        const field = parent.getFields()[name];
        if (field) direct += fieldCost(parent, field, selection, scope);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = typeNamed(selection.typeCondition?.name.value, parent);
        branches.push([on, setCost(selection.selectionSet, on, scope)]);
      } else {
        const spread = fragmentCost(selection.name.value, scope);
        if (spread) branches.push([spread.on, spread.cost]);
      }
      if (direct > CEILING) return CEILING;
    }
    if (branches.length === 0) return direct;
    // The branches one object meets: those on its own type and on the abstract types it belongs to.
    const objects = isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent];
    const applies = (on: GraphQLNamedType, object: GraphQLNamedType) =>
      on === object || on === parent || (isAbstractType(on) && isObjectType(object) && schema.isSubType(on, object));
    let worst = 0;
    for (const object of objects) {
      worst = Math.max(worst, branches.reduce((sum, [on, cost]) => sum + (applies(on, object) ? cost : 0), 0));
    }
    return Math.min(CEILING, direct + worst);
  }

  return setCost(operation.selectionSet, root as GraphQLCompositeType, {});
}

/**
 * The graph's measurements (cypher/read/fanout.cypher), read once per load id: the served runner's result cache
 * knows the current load id; without it, they are read again after `ttlMs`. Concurrent requests share one read.
 */
export class GraphBounds {
  private current?: { at: number; loadId: string | null; measurements: Measurements };
  private pending?: Promise<Measurements>;

  constructor(private readonly cypher: Cypher, private readonly ttlMs = 10_000) {}

  async get(): Promise<Measurements> {
    const loadId = this.cypher.resultCache?.currentLoadId ?? null;
    const current = this.current;
    if (current && (loadId !== null ? current.loadId === loadId : Date.now() - current.at < this.ttlMs)) return current.measurements;
    this.pending ??= this.cypher.read('read/fanout').then((rows) => {
      const measurements = new Map(rows.map((r, i) => [str(r.key, `read/fanout row ${i}.key`), num(r.max ?? 0, `read/fanout row ${i}.max`)] as const));
      this.current = { at: Date.now(), loadId, measurements };
      return measurements;
    }).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }
}

const ADVICE = 'Ask for smaller pages (`first`) or fewer nested lists, and page with `after`.';

/** The cost limit as an Apollo plugin, once the operation and its variables are known and before anything runs. */
export function costPlugin(limits: Pick<Limits, 'maxCost'>, bounds: GraphBounds): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let measurements: Measurements;
          try {
            measurements = await bounds.get();
          } catch {
            throw new GraphQLError('The graph database is unavailable; try again shortly.', {
              extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
            });
          }
          let cost: number;
          try {
            cost = queryCost(schema, document, measurements, request.variables ?? {}, operationName);
          } catch (err) {
            // Fail closed: a query whose cost cannot be computed does not run.
            throw LimitError.uncomputable('maxCost', limits.maxCost, 'The cost of the query', err instanceof Error ? err.message : String(err));
          }
          if (cost > limits.maxCost) {
            throw new LimitError('maxCost', limits.maxCost, cost,
              `The estimated cost of the query (objects it may return: each connection counts \`first\`, default ${DEFAULT_PAGE_SIZE}; ` +
              'each other list the longest it is in the loaded graph; times what they contain)', ADVICE);
          }
        },
      };
    },
  };
}
