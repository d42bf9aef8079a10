import { AppError } from '../../core/errors';
import { type Action, type ActorScope, can, type GoalSubject, isVisible, type Resource } from './permissions';

/**
 * Throws unless the actor may act. A goal the actor cannot even see is reported as `not_found`,
 * so that its existence never leaks; a visible one they may not change is `forbidden`.
 */
export function authorize(
  scope: ActorScope,
  action: Action,
  resource: Resource,
  subject?: GoalSubject & { id?: string },
): void {
  if (can(scope, action, resource, subject)) return;
  if (subject && !isVisible(scope, subject)) {
    throw new AppError(
      'not_found',
      `${resource.replace('_', ' ')} not found`,
      subject.id ? { id: subject.id } : {},
    );
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
