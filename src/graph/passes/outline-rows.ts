import { DocumentFixtures } from '../fixtures/read';
import { DocumentRow, PassageRow, SectionRow } from '../graph-data';
import { ParsedOutline } from '../parse/outline';
import { BuildContext } from './context';

/** The document node and its outline (sections, passages); the document is evidenced by its title line. */
export function outlineRows(
  fx: Pick<DocumentFixtures, 'meta' | 'source'>,
  outline: ParsedOutline,
  ctx: BuildContext,
): { documents: DocumentRow[]; sections: SectionRow[]; passages: PassageRow[] } {
  const documentId = fx.meta.id;
  const documents = [{ id: documentId, props: { ...fx.meta, source: undefined, sourceLength: fx.source.length } }];
  ctx.attach(documentId, [outline.title], `${documentId}/document.yaml`);
  const sections = outline.sections.map(({ id, parentId, ...props }) => ({
    id, parentId, documentId, props: { ...props, parentId, documentId },
  }));
  const passages = outline.passages.map((p) => ({ id: p.id, sectionId: p.sectionId, props: { ...p, documentId } }));
  return { documents, sections, passages };
}
