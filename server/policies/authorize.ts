import { AppError } from '../../core/errors';
import { type Action, type ActorScope, can, type GoalSubject, isVisible, type Resource } from './permissions';

/** How errors name each kind of goal (the same words `not_found` uses for a missing one). */
export const GOAL_NAMES = {
  objective: 'objective',
  key_result: 'key result',
  smart_goal: 'SMART goal',
} as const;

/**
 * The `not_found` of a goal, word for word the one a goal that does not exist gets, so that a
 * hidden goal and a missing one cannot be told apart (SPEC 8).
 */
export function goalNotFound(type: keyof typeof GOAL_NAMES, id: string): never {
  const entity = GOAL_NAMES[type];
  throw new AppError('not_found', `${entity} ${id} not found`, { entity, id });
}

/**
 * Throws unless the actor may act. An existing goal the actor cannot even see is reported as
 * `not_found`, exactly as a missing one (`goalNotFound`), so that its existence never leaks; a
 * visible one they may not change, or a new one they may not create, is `forbidden`.
 */
export function authorize(
  scope: ActorScope,
  action: Action,
  resource: Resource,
  subject?: GoalSubject & { id?: string; type?: keyof typeof GOAL_NAMES },
): void {
  if (can(scope, action, resource, subject)) return;
  const isCreated = action === 'create' && subject?.type === resource;
  if (subject?.id && subject.type && !isCreated && !isVisible(scope, subject)) {
    goalNotFound(subject.type, subject.id);
  }
  throw new AppError(
    'forbidden',
    `you may not ${action.replace('_', ' ')} this ${resource.replace('_', ' ')}`,
    {
      action,
      resource,
    },
  );
}
