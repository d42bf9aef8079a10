import type { DialectName, Executor } from '../db/database';
import { AlignmentRepository } from './alignment.repository';
import { ChatWebhookRepository } from './chat-webhook.repository';
import { CheckInRepository } from './check-in.repository';
import { CloseOutRepository } from './close-out.repository';
import { CycleRepository } from './cycle.repository';
import { EventRepository } from './event.repository';
import { GoalKeyRepository } from './goal-key.repository';
import { IdempotencyRepository } from './idempotency.repository';
import { JobRepository } from './job.repository';
import { KeyResultRepository } from './key-result.repository';
import { ObjectiveRepository } from './objective.repository';
import { PersonRepository } from './person.repository';
import { RollupBacklogRepository } from './rollup-backlog.repository';
import { SmartGoalRepository } from './smart-goal.repository';
import { UnitRepository } from './unit.repository';
import { WebhookRepository } from './webhook.repository';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WorkspaceRepository } from './workspace.repository';

/** Every repository bound to one handle (the database, or a transaction). Cheap to build. */
export interface Repositories {
  workspaces: WorkspaceRepository;
  people: PersonRepository;
  units: UnitRepository;
  cycles: CycleRepository;
  objectives: ObjectiveRepository;
  keyResults: KeyResultRepository;
  smartGoals: SmartGoalRepository;
  alignments: AlignmentRepository;
  checkIns: CheckInRepository;
  events: EventRepository;
  goalKeys: GoalKeyRepository;
  closeOuts: CloseOutRepository;
  idempotency: IdempotencyRepository;
  webhooks: WebhookRepository;
  chatWebhooks: ChatWebhookRepository;
  webhookDeliveries: WebhookDeliveryRepository;
  rollupBacklog: RollupBacklogRepository;
  jobs: JobRepository;
  /** Whether rows can be locked (`FOR UPDATE`): PostgreSQL yes, SQLite (one writer at a time) no. */
  hasRowLocks: boolean;
}

/** Binds every repository to a handle. */
export function repositories(db: Executor, dialect: DialectName): Repositories {
  return {
    workspaces: new WorkspaceRepository(db),
    people: new PersonRepository(db),
    units: new UnitRepository(db),
    cycles: new CycleRepository(db),
    objectives: new ObjectiveRepository(db),
    keyResults: new KeyResultRepository(db),
    smartGoals: new SmartGoalRepository(db),
    alignments: new AlignmentRepository(db),
    checkIns: new CheckInRepository(db),
    events: new EventRepository(db),
    goalKeys: new GoalKeyRepository(db),
    closeOuts: new CloseOutRepository(db),
    idempotency: new IdempotencyRepository(db),
    webhooks: new WebhookRepository(db, dialect === 'postgres'),
    chatWebhooks: new ChatWebhookRepository(db),
    webhookDeliveries: new WebhookDeliveryRepository(db),
    rollupBacklog: new RollupBacklogRepository(db, dialect === 'postgres'),
    jobs: new JobRepository(db, dialect === 'postgres'),
    hasRowLocks: dialect === 'postgres',
  };
}
