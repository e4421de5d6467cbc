import { Neo4jGraphQL } from '@neo4j/graphql';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Driver } from 'neo4j-driver';
import { cypherText } from '../src/neo4j/cypher';

/**
 * The peer: the Neo4j GraphQL Library 7 on the same database, with type definitions for the labels, relationships
 * and link properties the mix reads, behind Apollo Server 5, as a user would set it up. Used only by the benchmark.
 * Copied verbatim into docs/benchmarks.md.
 */
export function neo4jGraphqlTypeDefs(): string {
  const cypher = (name: string) => JSON.stringify(cypherText(name).replace(/^\/\/.*\n/gm, ''));
  return `
type Link @relationshipProperties {
  basis: String
  inference: String
  evidence: [String!]
}
type Quote @relationshipProperties {
  quote: String!
}
type Strategy @node {
  id: ID!
  name: String!
  firstMention: Int
  parts: [Strategy!]! @relationship(type: "HAS_PART", direction: OUT)
  projects: [Project!]! @relationship(type: "SERVES", direction: IN, properties: "Link")
}
type District @node {
  id: ID!
  name: String!
  kind: String
  firstMention: Int
  projects: [Project!]! @relationship(type: "LOCATED_IN", direction: IN, properties: "Link")
}
type Project @node {
  id: ID!
  name: String!
  nameEn: String
  aliases: [String!]
  category: String
  firstMention: Int
  districts: [District!]! @relationship(type: "LOCATED_IN", direction: OUT, properties: "Link")
  strategies: [Strategy!]! @relationship(type: "SERVES", direction: OUT, properties: "Link")
  timeline: [Milestone!]! @relationship(type: "HAS_MILESTONE", direction: OUT)
  evidence: [Passage!]! @relationship(type: "EVIDENCED_BY", direction: OUT, properties: "Quote")
}
type Milestone @node {
  id: ID!
  year: Int
  stage: String
  evidence: [String!]
}
type Indicator @node {
  id: ID!
  name: String!
  headline: Boolean
  firstMention: Int
  values: [IndicatorValue!]! @relationship(type: "HAS_VALUE", direction: OUT)
}
type IndicatorValue @node {
  id: ID!
  year: Int
  kind: String
  value: Float
  unit: String
  qualifier: String
}
type Passage @node {
  id: ID!
  seq: Int
  text: String
}
type Query {
  searchProjects(key: String!, query: String!, limit: Int!): [Project!]!
    @cypher(statement: ${cypher('bench/search-projects')}, columnName: "n")
  pathNames(from: ID!, to: ID!): [String!]
    @cypher(statement: ${cypher('bench/path-names')}, columnName: "names")
}
`;
}

export async function startNeo4jGraphql(driver: Driver, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const neoSchema = new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs(), driver });
  const server = new ApolloServer({ schema: await neoSchema.getSchema(), introspection: true });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}
