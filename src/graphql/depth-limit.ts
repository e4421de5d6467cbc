import { LimitError } from '../http/limits';
import { ASTVisitor, FragmentDefinitionNode, Kind, SelectionSetNode, ValidationContext } from 'graphql';

/**
 * A validation rule that refuses queries nested deeper than `maxDepth` fields, before anything runs: each level
 * costs a round trip to Neo4j and multiplies the response, and the graph has cycles (strategy → projects →
 * strategies → …). Introspection (__schema, __type) is not counted, so GraphiQL's schema query always passes.
 */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (set: SelectionSetNode, visiting: Set<string>): number => {
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, visiting) : 0));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visiting.has(name)) continue; // unknown or cyclic fragments are other rules' errors
          deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...visiting, name])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new LimitError('maxDepth', maxDepth, depth, 'The depth of field nesting in the query', 'Split it into several queries.'),
          );
        }
      },
    };
  };
}
