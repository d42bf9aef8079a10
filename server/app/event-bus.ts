import { EventEmitter } from 'node:events';

/**
 * A change worth pushing to viewers: which goal (or other entity) changed, how, and in which
 * workspace. `access` notices (a sign-out, a revoked token; `entityId` is the person) are never
 * shown: they tell that person's open streams to check they are still signed in.
 */
export interface ChangeNotice {
  workspaceId: string;
  entityType:
    | 'objective'
    | 'key_result'
    | 'smart_goal'
    | 'cycle'
    | 'unit'
    | 'person'
    | 'workspace'
    | 'access';
  entityId: string;
  action: string;
  at: number;
}

/**
 * The bus the stream listens to. Routes publish after a write commits. On one node it is a plain
 * in-process emitter; with a relay (PostgreSQL `LISTEN/NOTIFY`, `server/http/pg-relay.ts`) every
 * notice is also sent to the other nodes, and theirs arrive through `deliver`.
 */
export class EventBus {
  readonly #emitter = new EventEmitter();
  #relay: ((notice: ChangeNotice) => void) | undefined;

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  /** Announces a change here and, through the relay, on every other node. */
  publish(notice: ChangeNotice): void {
    this.#emitter.emit('change', notice);
    this.#relay?.(notice);
  }

  /** Announces a change that came from another node (here only). */
  deliver(notice: ChangeNotice): void {
    this.#emitter.emit('change', notice);
  }

  /** Sends every published notice to other nodes too (or stops, with undefined). */
  setRelay(relay: ((notice: ChangeNotice) => void) | undefined): void {
    this.#relay = relay;
  }

  /** Listens to every notice; returns the function that stops listening. */
  subscribe(listener: (notice: ChangeNotice) => void): () => void {
    this.#emitter.on('change', listener);
    return () => this.#emitter.off('change', listener);
  }

  get listenerCount(): number {
    return this.#emitter.listenerCount('change');
  }
}
