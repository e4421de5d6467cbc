import { EntityRow } from '../../../src/graph/graph-data';
import { withLookup } from '../../../src/graph/passes/lookup';
import { tinyOutline } from '../helpers/tiny-document';

const entity = (id: string, name: string, aliases: string[], kind?: string): EntityRow => ({
  id, label: 'District', files: ['a.yaml'], props: { id, name, aliases, kind, documents: ['tiny'] },
});

describe('withLookup', () => {
  it('adds normalised lookup keys (a 街道 also without 街道) and the earliest passage quoted for each entity', () => {
    const rows = withLookup(
      [entity('district:bantian', '坂田街道', ['“坂田”'], 'SUBDISTRICT'), entity('district:nowhere', 'IT+BT', [])],
      [
        { nodeId: 'district:bantian', passageId: 'tiny:2.1#1', quote: 'q', documentId: 'tiny' },
        { nodeId: 'district:bantian', passageId: 'tiny:1.1#2', quote: 'q', documentId: 'tiny' },
      ],
      tinyOutline().passages,
    );
    expect(rows.map((r) => [r.props.lookupKeys, r.props.firstMention])).toEqual([
      [['坂田街道', '坂田'], 3],
      [['it+bt'], null],
    ]);
  });
});
