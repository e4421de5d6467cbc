// Shared by the ask boxes of /explore and the playground: the shape of Query.ask's answer as the pages read it
// (schema/ask.graphql), and the confidence levels' short labels.

export interface AskedEvidence {
  quote: string;
  section: { heading: string };
}

export interface AskedItem {
  name: string;
  id: string | null;
  entity: { __typename: string; id: string; name: string } | null;
  value: string | null;
  year: number | null;
  kind: string | null;
  basis: string | null;
  strength: string | null;
  reason: string | null;
  evidence: AskedEvidence[];
}

export interface Answer {
  question: string;
  language: string;
  shape: string;
  confidence: 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE';
  interpretation: string;
  graphql: string;
  totalCount: number;
  notes: string[];
  clarifications: { message: string; options: string[] }[];
  understood: { id: string; name: string; label: string }[];
  items: AskedItem[];
}

/** The confidence levels as both pages label them. */
export const CONFIDENCE_LABELS: Record<Answer['confidence'], string> = { HIGH: '高 HIGH', MEDIUM: '中 MEDIUM', LOW: '低 LOW', NONE: '无 NONE' };
