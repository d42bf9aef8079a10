import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Clock } from '../services/context';

/** How often the file clock looks at its file, in real milliseconds. */
export const FILE_CLOCK_POLL_MS = 20;

/**
 * TEST ONLY (`TANDEM_TEST_CLOCK_FILE`, refused unless `NODE_ENV=test`): a clock a test drives from
 * outside the process by writing an instant (epoch milliseconds, or an ISO date) into a file. The
 * file is read when the clock starts and then every 20 ms by a timer; `now()` returns the last
 * value read (no I/O per call), so a request or job sees simulated time standing still between
 * the test's steps. Listeners hear each change (the job runner wakes on it).
 *
 * @example
 * const clock = await FileClock.open('/tmp/clock');   // the test wrote "1790000000000" there
 * clock.onChange(() => runner.wake());
 */
export class FileClock implements Clock {
  #at: number;
  readonly #listeners = new Set<() => void>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #isReading = false;

  private constructor(
    readonly file: string,
    at: number,
  ) {
    this.#at = at;
  }

  /** Reads the file once (throws naming it when it holds no instant) and starts watching it. */
  static open(file: string): FileClock {
    const clock = new FileClock(file, FileClock.parse(file, readFileSync(file, 'utf8')));
    clock.#timer = setInterval(() => void clock.#refresh(), FILE_CLOCK_POLL_MS);
    clock.#timer.unref();
    return clock;
  }

  /** The instant a clock file holds; throws naming the file otherwise. */
  static parse(file: string, text: string): number {
    const trimmed = text.trim();
    const at = /^\d+$/.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
    if (!Number.isFinite(at)) throw new Error(`${file}: not an instant (epoch ms or ISO date): "${trimmed}"`);
    return at;
  }

  now(): number {
    return this.#at;
  }

  /** Calls `listener` after each change of the time; returns how to stop. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#listeners.clear();
  }

  async #refresh(): Promise<void> {
    if (this.#isReading) return;
    this.#isReading = true;
    try {
      const at = FileClock.parse(this.file, await readFile(this.file, 'utf8'));
      if (at !== this.#at) {
        this.#at = at;
        for (const listener of this.#listeners) listener();
      }
    } catch {
      // A half-written or briefly missing file: keep the last time and read again at the next tick.
    } finally {
      this.#isReading = false;
    }
  }
}
