import {
  FieldNode, getArgumentValues, getNamedType, GraphQLResolveInfo, isInterfaceType, isObjectType, Kind, SelectionSetNode,
} from 'graphql';

/**
 * Look-ahead into a resolver's own selection: which child fields the client asked for, with their arguments.
 * A resolver that knows its children's first fan-out is coming can fetch it in its own statement and prime the
 * children's loaders with it — one Cypher statement instead of two, while every field keeps its own resolver
 * (which then finds its rows already loaded). Only ever an optimisation: a field not seen here is loaded as usual.
 */

export interface SelectedField {
  node: FieldNode;
  /** The field's arguments with variables and defaults applied (as its resolver will receive them). */
  args: Record<string, unknown>;
}

/** The direct child fields named `name` in a selection set, through inline fragments and fragment spreads. */
function childFields(selectionSet: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo, out: FieldNode[] = []): FieldNode[] {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD && selection.name.value === name) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) childFields(selection.selectionSet, name, info, out);
    else if (selection.kind === Kind.FRAGMENT_SPREAD) childFields(info.fragments[selection.name.value]?.selectionSet, name, info, out);
  }
  return out;
}

/**
 * The field at `path` below the resolver's field (e.g. ['projects'] or ['projects', 'edges', 'node', 'timeline']),
 * or null when the client did not ask for it. When a field occurs twice (aliases), the first occurrence counts.
 */
export function lookahead(info: GraphQLResolveInfo, path: string[]): SelectedField | null {
  let type = getNamedType(info.returnType);
  let sets: (SelectionSetNode | undefined)[] = info.fieldNodes.map((f) => f.selectionSet);
  let found: SelectedField | null = null;
  for (const name of path) {
    if (!isObjectType(type) && !isInterfaceType(type)) return null;
    const definition = type.getFields()[name];
    const nodes = sets.flatMap((set) => childFields(set, name, info));
    if (!definition || nodes.length === 0) return null;
    found = { node: nodes[0], args: getArgumentValues(definition, nodes[0], info.variableValues) };
    type = getNamedType(definition.type);
    sets = [nodes[0].selectionSet];
  }
  return found;
}
