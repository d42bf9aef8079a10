import type { AppDeps, Api } from '../app/env';
import { registerAuthRoutes } from './auth.routes';

/** Registers every `/api/v1` resource. */
export function registerRoutes(app: Api, deps: AppDeps): void {
  registerAuthRoutes(app, deps);
}
