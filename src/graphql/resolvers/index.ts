import type { Resolvers } from '../generated/resolvers';
import { askResolvers } from './ask';
import { documentResolvers } from './document';
import { entityResolvers } from './entities';
import { exploreResolvers } from './explore';
import { queryResolvers } from './query';
import { researchResolvers } from './research';

/** The resolvers of the API, typed against schema/*.graphql by the generated Resolvers type. */
// The research fields (schema/research.graphql) extend types the other modules resolve: merged per type.
const research = researchResolvers as unknown as Resolvers;
const merged = <K extends keyof Resolvers>(key: K, ...maps: Partial<Resolvers>[]) =>
  Object.assign({}, ...maps.map((m) => m[key] ?? {}), research[key] ?? {}) as Resolvers[K];

export const resolvers: Resolvers = {
  ...entityResolvers,
  ...documentResolvers,
  ...research,
  Query: merged('Query', queryResolvers as Partial<Resolvers>, exploreResolvers as Partial<Resolvers>, askResolvers as Partial<Resolvers>),
  AskItem: askResolvers.AskItem,
  AskName: askResolvers.AskName,
  Section: merged('Section', documentResolvers),
  IndicatorValue: merged('IndicatorValue', entityResolvers, documentResolvers),
  Indicator: merged('Indicator', entityResolvers),
  Project: merged('Project', entityResolvers),
  District: merged('District', entityResolvers),
  Strategy: merged('Strategy', entityResolvers),
};
