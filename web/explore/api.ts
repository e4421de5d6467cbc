// The explorer's only way to the data: the public GraphQL API at /graphql, like any other client.

export interface EvidenceView {
  quote: string;
  passage: { text: string };
  section: { heading: string };
}

export interface SearchHit {
  score: number;
  matchedName: string | null;
  entity: { __typename: string; id: string; name: string; aliases: string[] };
}

export interface GraphNode {
  __typename: string;
  id: string;
  name: string;
}

export interface GraphEdge {
  type: string;
  from: string;
  to: string;
  basis: 'EXPLICIT' | 'INFERRED' | 'DERIVED' | null;
  evidence: EvidenceView[];
}

export interface Neighbourhood {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

/** One GraphQL request; GraphQL errors become an Error with the API's message and code, for the status line. */
export async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new Error(`${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ''}`);
  }
  if (!body.data) throw new Error(`The API answered HTTP ${res.status} without data.`);
  return body.data;
}

const EVIDENCE = 'fragment Ev on Evidence { quote passage { text } section { heading } }';

export async function search(text: string): Promise<SearchHit[]> {
  const data = await gql<{ search: SearchHit[] }>(
    'query Search($text: String!) { search(text: $text, first: 30) { score matchedName entity { __typename id name aliases } } }',
    { text },
  );
  return data.search;
}

export async function neighbourhood(id: string): Promise<Neighbourhood | null> {
  const data = await gql<{ neighborhood: Neighbourhood | null }>(
    `query Around($id: ID!) { neighborhood(id: $id, depth: 1) { truncated nodes { __typename id name }
       edges { type from to basis evidence { ...Ev } } } } ${EVIDENCE}`,
    { id },
  );
  return data.neighborhood;
}

export interface Milestone {
  year: number;
  stage: string;
  kind: string;
  evidence: EvidenceView[];
}

export interface IndicatorValue {
  year: number;
  kind: string;
  display: string;
  evidence: EvidenceView[];
}

/** Everything the side panel shows about an entity; type-specific fields are aliased (their enums differ). */
export interface EntityDetails {
  __typename: string;
  id: string;
  name: string;
  nameEn: string | null;
  aliases: string[];
  evidence: EvidenceView[];
  mentions: { totalCount: number; edges: { node: { text: string; section: { heading: string } } }[] };
  strategyKind?: string;
  districtKind?: string;
  organizationKind?: string;
  category?: string;
  indicatorCategory?: string;
  direction?: string;
  headline?: boolean;
  timeline?: Milestone[];
  values?: IndicatorValue[];
  definition?: string;
}

export async function details(id: string): Promise<EntityDetails | null> {
  const data = await gql<{ node: EntityDetails | null }>(
    `query Details($id: ID!) { node(id: $id) { __typename id
       ... on Entity { name nameEn aliases evidence { ...Ev }
         mentions(first: 5) { totalCount edges { node { text section { heading } } } } }
       ... on Strategy { strategyKind: kind }
       ... on District { districtKind: kind }
       ... on Organization { organizationKind: kind timeline { year stage kind evidence { ...Ev } } }
       ... on Project { category timeline { year stage kind evidence { ...Ev } } }
       ... on Indicator { indicatorCategory: category direction headline values { year kind display evidence { ...Ev } } }
       ... on GlossaryTerm { definition } } } ${EVIDENCE}`,
    { id },
  );
  return data.node;
}

/** The query the "open in playground" button prefills: the same entity through the typed root fields. */
export function playgroundQuery(type: string, id: string): string {
  const ev = 'evidence { quote section { heading } }';
  const bodies: Record<string, [string, string]> = {
    Strategy: ['strategy', `name aliases kind parts { name }\n    anchorDistricts { basis node { name } }\n    projects(first: 20) { totalCount edges { basis via { name } node { name } ${ev} } }`],
    District: ['district', `name aliases kind parent { name } children { name }\n    projects(first: 20) { totalCount edges { locationBasis node { name } } }`],
    Project: ['project', `name aliases category\n    districts { basis node { name } }\n    strategies { basis node { name } }\n    timeline { year stage kind ${ev} }`],
    Organization: ['organization', `name aliases kind\n    projects { basis node { name } }\n    timeline { year stage kind ${ev} }`],
    Indicator: ['indicator', `name aliases category direction headline\n    values { year kind value unit qualifier display ${ev} }`],
  };
  const body = bodies[type];
  if (body) return `# ${type} ${id}, from the explorer\n{\n  ${body[0]}(id: ${JSON.stringify(id)}) {\n    ${body[1]}\n    ${ev}\n  }\n}\n`;
  return `# ${type} ${id}, from the explorer\n{\n  node(id: ${JSON.stringify(id)}) {\n    ... on Entity { name aliases ${ev} }\n    ... on GlossaryTerm { term definition defines { name } }\n  }\n}\n`;
}
