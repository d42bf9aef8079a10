import { AlignmentService } from './alignment.service';
import { AlignmentGraphService } from './alignment-graph.service';
import { CalendarFeedService } from './calendar-feed.service';
import { ChatWebhookService } from './chat-webhook.service';
import { CheckInService } from './check-in.service';
import { CheckInDueService } from './check-in-due.service';
import { CheckInReadService } from './check-in-read.service';
import { CloseOutService } from './close-out.service';
import { CoachService } from './coach.service';
import type { ServiceDeps } from './context';
import { CycleService } from './cycle.service';
import { ExportService } from './export.service';
import { GoalKeyService } from './goal-key.service';
import { GoalListService } from './goal-list.service';
import { GoalReadService } from './goal-read.service';
import { GoalRemovalService } from './goal-removal.service';
import { HealthService } from './health.service';
import { HistoryService } from './history.service';
import { ImportService } from './import.service';
import { KeyResultService } from './key-result.service';
import { ObjectiveService } from './objective.service';
import { PersonService } from './person.service';
import { ReportService } from './report.service';
import { SmartGoalService } from './smart-goal.service';
import { UnitService } from './unit.service';
import { WebhookService } from './webhook.service';
import { WorkspaceService } from './workspace.service';

/** Every use case, for the API, the CLI and the jobs alike. */
export interface Services {
  workspaces: WorkspaceService;
  health: HealthService;
  people: PersonService;
  units: UnitService;
  cycles: CycleService;
  objectives: ObjectiveService;
  keyResults: KeyResultService;
  /** Deleting goals and moving KRs. */
  removals: GoalRemovalService;
  smartGoals: SmartGoalService;
  alignments: AlignmentService;
  alignmentGraph: AlignmentGraphService;
  checkIns: CheckInService;
  closeOuts: CloseOutService;
  reads: GoalReadService;
  lists: GoalListService;
  coach: CoachService;
  checkInReads: CheckInReadService;
  checkInsDue: CheckInDueService;
  reports: ReportService;
  exports: ExportService;
  goalKeys: GoalKeyService;
  imports: ImportService;
  history: HistoryService;
  webhooks: WebhookService;
  chatWebhooks: ChatWebhookService;
  calendarFeeds: CalendarFeedService;
}

/**
 * Builds the services on one database, clock and id generator.
 *
 * @example
 * const services = createServices(serviceDeps(openDatabase(':memory:')));
 */
export function createServices(deps: ServiceDeps): Services {
  return {
    workspaces: new WorkspaceService(deps),
    health: new HealthService(deps),
    people: new PersonService(deps),
    units: new UnitService(deps),
    cycles: new CycleService(deps),
    objectives: new ObjectiveService(deps),
    keyResults: new KeyResultService(deps),
    removals: new GoalRemovalService(deps),
    smartGoals: new SmartGoalService(deps),
    alignments: new AlignmentService(deps),
    alignmentGraph: new AlignmentGraphService(deps),
    checkIns: new CheckInService(deps),
    closeOuts: new CloseOutService(deps),
    reads: new GoalReadService(deps),
    lists: new GoalListService(deps),
    coach: new CoachService(deps),
    checkInReads: new CheckInReadService(deps),
    checkInsDue: new CheckInDueService(deps),
    reports: new ReportService(deps),
    exports: new ExportService(deps),
    goalKeys: new GoalKeyService(deps),
    imports: new ImportService(deps),
    history: new HistoryService(deps),
    webhooks: new WebhookService(deps),
    chatWebhooks: new ChatWebhookService(deps),
    calendarFeeds: new CalendarFeedService(deps),
  };
}

export type { Actor, Clock, ServiceDeps } from './context';
export { FixedClock, serviceDeps, systemClock } from './context';
