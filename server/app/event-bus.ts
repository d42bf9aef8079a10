import { EventEmitter } from 'node:events';

/** A change worth pushing to viewers: which goal (or other entity) changed, how, and in which workspace. */
export interface ChangeNotice {
  workspaceId: string;
  entityType: 'objective' | 'key_result' | 'smart_goal' | 'cycle' | 'unit' | 'person' | 'workspace';
  entityId: string;
  action: string;
  at: number;
}

/**
 * The in-process bus the stream listens to. Routes publish after a write commits. One node only:
 * several nodes on one PostgreSQL would relay notices through LISTEN/NOTIFY (not built yet; see
 * docs/api.md).
 */
export class EventBus {
  readonly #emitter = new EventEmitter();

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  publish(notice: ChangeNotice): void {
    this.#emitter.emit('change', notice);
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
