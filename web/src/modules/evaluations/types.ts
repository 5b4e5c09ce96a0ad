// Evaluation requests as the server answers them, generated from its description
// (src/modules/evaluations/route_docs.cpp: the readers' fields, the workflow's states; `npm run api-types`).
import type { components } from '@/shared/api-types'

type Schemas = components['schemas']
type Evaluation = Schemas['Evaluation']

export type EvaluationClass = Evaluation['class']
export type EvaluationStatus = Evaluation['status']
export type EvaluationAction = 'assign' | 'scores' | 'complete' | 'cancel' | 'decline'

export type Criterion = Schemas['EvaluationCriterion']
/** One class's method and weighted criteria (GET /evaluations/criteria). */
export type ClassCriteria = Schemas['EvaluationClassCriteria']
export type Assignee = Evaluation['assignees'][number]
/** One criterion's score by one assignee (shown once every assignee has scored). */
export type GivenScore = NonNullable<Evaluation['scores']>[number]

export type EvaluationRequest = Omit<Evaluation, 'allowed_actions'> & { allowed_actions?: EvaluationAction[] }

/** Which requests a list shows: the unit's, the caller's to score, or all (the operator). */
export type EvaluationView = 'mine' | 'assigned' | 'all'
