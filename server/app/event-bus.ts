import { EventEmitter } from 'node:events';
import type { ChangeNotice, NoticeSink } from '../services/notices';

export type { ChangeNotice } from '../services/notices';

/**
 * The bus the stream listens to. Services publish after a write commits (`services/notices`:
 * the notices of the events a transaction recorded, once it committed). On one node it is a plain
 * in-process emitter; with a relay (PostgreSQL `LISTEN/NOTIFY`, `server/http/pg-relay.ts`) every
 * notice is also sent to the other nodes, and theirs arrive through `deliver`.
 */
export class EventBus implements NoticeSink {
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
