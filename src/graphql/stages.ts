/**
 * The order of project stages, as the ProjectStage enum lists them: the progress of a build first, then the two
 * stages that are not steps of a build (an event held, a programme ongoing). Cypher sorts a year's milestones and
 * finds a year's furthest stage by this list, so "COMPLETED" never sorts before "UNDER_CONSTRUCTION" by name.
 */
export const STAGE_ORDER = ['PLANNED', 'APPROVED', 'SETTLED', 'STARTED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'IN_OPERATION', 'HELD', 'ONGOING'];
