import type { AppDeps, Api } from '../app/env';
import { registerAlignmentGraphRoutes } from './alignment-graph.routes';
import { registerAlignmentRoutes } from './alignments.routes';
import { registerAuthRoutes } from './auth.routes';
import { registerCheckInRoutes } from './check-ins.routes';
import { registerCoachRoutes } from './coach.routes';
import { registerCycleRoutes } from './cycles.routes';
import { registerDashboardRoutes } from './dashboard.routes';
import { registerEventRoutes } from './events.routes';
import { registerExportRoutes } from './exports.routes';
import { registerHealthRoutes } from './health.routes';
import { registerImportRoutes } from './imports.routes';
import { registerKeyResultRoutes } from './key-results.routes';
import { registerObjectiveRoutes } from './objectives.routes';
import { registerPeopleRoutes } from './people.routes';
import { registerRemovalRoutes } from './removals.routes';
import { registerReportRoutes } from './reports.routes';
import { registerSmartGoalRoutes } from './smart-goals.routes';
import { registerStreamRoutes } from './stream.routes';
import { registerTokenRoutes } from './tokens.routes';
import { registerUnitRoutes } from './units.routes';
import { registerWebhookRoutes } from './webhooks.routes';
import { registerWorkspaceRoutes } from './workspace.routes';

/** Registers health and every `/api/v1` resource. */
export function registerRoutes(app: Api, deps: AppDeps): void {
  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerWorkspaceRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerUnitRoutes(app, deps);
  registerCycleRoutes(app, deps);
  registerObjectiveRoutes(app, deps);
  registerKeyResultRoutes(app, deps);
  registerSmartGoalRoutes(app, deps);
  registerRemovalRoutes(app, deps);
  registerAlignmentRoutes(app, deps);
  registerAlignmentGraphRoutes(app, deps);
  registerCheckInRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerCoachRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerExportRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerTokenRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  registerStreamRoutes(app, deps);
}
