import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('writes jobs that arrive while a group is running together, in order, each with its own outcome', async () => {
    const groups: number[][] = [];
    const writer = new GroupCommit<number, number>(async (jobs) => {
      groups.push([...jobs]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return jobs.map((n) =>
        n === 3 ? { ok: false, error: new Error('three') } : { ok: true, value: n * 10 },
      );
    });
    const first = writer.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    // Group [1] is being written: these wait for the next group.
    const outcomes = await Promise.allSettled([first, ...[2, 3, 4, 5].map((n) => writer.submit(n))]);
    expect(groups).toEqual([[1], [2, 3, 4, 5]]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([
      10,
      20,
      'three',
      40,
      50,
    ]);
  });

  it('takes in every job submitted in the same turn of the event loop before it starts a group', async () => {
    const groups: number[][] = [];
    const writer = new GroupCommit<number, number>(async (jobs) => {
      groups.push([...jobs]);
      return jobs.map((n) => ({ ok: true as const, value: n }));
    });
    // As on SQLite, where writing a group never waits for I/O: starting at once would write each
    // job alone.
    await Promise.all([1, 2, 3].map((n) => writer.submit(n)));
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it('rejects every job of a group whose write fails, and keeps serving later ones', async () => {
    let calls = 0;
    const writer = new GroupCommit<number, number>(async (jobs) => {
      calls++;
      if (calls === 1) throw new Error('database down');
      return jobs.map((n) => ({ ok: true as const, value: n }));
    }, 2);
    const first = await Promise.allSettled([writer.submit(1)]);
    expect(first[0]?.status).toBe('rejected');
    await expect(writer.submit(7)).resolves.toBe(7);
  });

  it('writes up to `concurrency` groups at once', async () => {
    let running = 0;
    let most = 0;
    const writer = new GroupCommit<number, number>(
      async (jobs) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return jobs.map((n) => ({ ok: true as const, value: n }));
      },
      1,
      2,
    );
    await Promise.all([1, 2, 3, 4].map((n) => writer.submit(n)));
    expect(most).toBe(2);
  });
});
