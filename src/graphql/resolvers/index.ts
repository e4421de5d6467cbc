import type { Resolvers } from '../generated/resolvers';
import { documentResolvers } from './document';
import { entityResolvers } from './entities';
import { exploreResolvers } from './explore';
import { queryResolvers } from './query';

/** The resolvers of the API, typed against schema/*.graphql by the generated Resolvers type. */
export const resolvers: Resolvers = {
  ...entityResolvers,
  ...documentResolvers,
  Query: { ...queryResolvers.Query, ...exploreResolvers.Query },
  // Types both modules resolve fields of.
  IndicatorValue: { ...entityResolvers.IndicatorValue, ...documentResolvers.IndicatorValue },
};
