import { ASTVisitor, Kind, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';
import type { Limits } from '../../config';
import { LimitError } from './limit-error';

/**
 * The limits on a document's shape, as one graphql-js validation rule (it runs in validate(), with the standard
 * rules, before anything executes):
 *   depth        fields nested deeper than maxDepth (introspection fields do not count; graphql-js's
 *                MaxIntrospectionDepthRule bounds those): each level is a round trip and the graph has cycles
 *   root fields  fields at the root of an operation, through fragments: each is at least one Cypher statement
 *   aliases      aliased fields in the document: one list asked 300 times under other names
 *   inputs       every string literal at most maxInputLength characters, every list literal at most
 *                maxInputListLength values (variables are bounded the same way before Apollo, http/limits.ts)
 * Each named fragment's depth and root fields are computed once (context.getFragment, memoised), however often it
 * is spread, so the work is linear in the document: the rules this replaces re-walked a fragment at every spread,
 * and 20 fragments each spreading the next twice blocked the event loop for seconds.
 */

interface Shape {
  depth: number;
  rootFields: number;
}

const NOTHING: Shape = { depth: 0, rootFields: 0 };

export function documentRules(
  limits: Pick<Limits, 'maxDepth' | 'maxAliases' | 'maxRootFields' | 'maxInputLength' | 'maxInputListLength'>,
): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    /** Fragment name → its shape; null while it is being computed (a cycle, which NoFragmentCyclesRule reports). */
    const shapes = new Map<string, Shape | null>();

    const fragmentShape = (name: string): Shape => {
      if (shapes.has(name)) return shapes.get(name) ?? NOTHING;
      const fragment = context.getFragment(name);
      if (!fragment) return NOTHING; // unknown fragment: KnownFragmentNamesRule's error
      shapes.set(name, null);
      const shape = shapeOf(fragment.selectionSet);
      shapes.set(name, shape);
      return shape;
    };

    function shapeOf(set: SelectionSetNode): Shape {
      let depth = 0;
      let rootFields = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          rootFields += 1;
          depth = Math.max(depth, 1 + (selection.selectionSet ? shapeOf(selection.selectionSet).depth : 0));
        } else {
          const inner = selection.kind === Kind.INLINE_FRAGMENT ? shapeOf(selection.selectionSet) : fragmentShape(selection.name.value);
          depth = Math.max(depth, inner.depth);
          rootFields += inner.rootFields;
        }
      }
      return { depth, rootFields };
    }

    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      StringValue(node) {
        if (node.value.length > limits.maxInputLength) {
          context.reportError(new LimitError('maxInputLength', limits.maxInputLength, node.value.length, 'The length of a string argument',
            'Search for a shorter phrase; no name or id in the graph is this long.', 'BAD_USER_INPUT'));
        }
      },
      ListValue(node) {
        if (node.values.length > limits.maxInputListLength) {
          context.reportError(new LimitError('maxInputListLength', limits.maxInputListLength, node.values.length, 'The number of values in a list argument',
            'Send fewer values, in several requests if need be.', 'BAD_USER_INPUT'));
        }
      },
      OperationDefinition(operation) {
        const shape = shapeOf(operation.selectionSet);
        if (shape.depth > limits.maxDepth) {
          context.reportError(new LimitError('maxDepth', limits.maxDepth, shape.depth, 'The depth of field nesting in the query', 'Split it into several queries.'));
        }
        if (shape.rootFields > limits.maxRootFields) {
          context.reportError(new LimitError('maxRootFields', limits.maxRootFields, shape.rootFields, 'The number of root fields in the operation',
            'Split the request into several operations.'));
        }
      },
      Document: {
        leave() {
          if (aliases > limits.maxAliases) {
            context.reportError(new LimitError('maxAliases', limits.maxAliases, aliases, 'The number of aliased fields',
              'Ask for a list once (with a larger `first`) instead of many aliases, or split the request.'));
          }
        },
      },
    };
  };
}
