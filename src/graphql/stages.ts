import { PROJECT_STAGES } from '../graph/fixtures/fixture-schema';

/**
 * The order of project stages, as the ProjectStage enum lists them: the progress of a build first, then the stages
 * that are not steps of a build (an event held, a programme ongoing, a document issued, a place upgraded, an award
 * recognised). Cypher sorts a year's milestones and finds a year's furthest stage by this list, so "COMPLETED" never
 * sorts before "UNDER_CONSTRUCTION" by name; a stage missing here would have no rank and drop its project from both
 * stageChanged: true and false, hence the fixture schema's list, not a copy.
 */
export const STAGE_ORDER: string[] = [...PROJECT_STAGES];
