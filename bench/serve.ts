import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts `tandem serve` on `database` in its own process on a free loopback port (the build in
 * dist/ when fresh, else the sources) and resolves with the process and its URL once it listens.
 * `env` adds to this process's environment; `nodeFlags` go before the script (`--cpu-prof`...);
 * `root` runs another build's tree (an A/B of two commits).
 */
export function startServer(
  database: string,
  options: { env?: Record<string, string>; nodeFlags?: readonly string[]; root?: string } = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), 'bin/tandem.js', 'serve', '--port', '0'],
    {
      cwd: options.root ?? root,
      env: { ...process.env, DATABASE_URL: database, LOG_LEVEL: 'info', ...options.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
      const url = /listening on (http:\/\/\S+) /.exec(output)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

/**
 * The benchmarks' check-in load as one autocannon request: writer after writer in turn (from the
 * `offset`-th), each check-in on the writer's KR with a value that varies.
 */
export function checkInRequest(
  writers: readonly { token: string; kr: string }[],
  offset = 0,
): autocannon.Request {
  let n = offset;
  return {
    method: 'POST',
    setupRequest: (request) => {
      const i = n++;
      const writer = writers[i % writers.length]!;
      return {
        ...request,
        method: 'POST',
        path: '/api/v1/check-ins',
        headers: { authorization: `Bearer ${writer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ goalType: 'key_result', goalId: writer.kr, value: 100 + (i % 97) }),
      };
    },
  };
}

/**
 * Runs autocannon for `seconds` and measures every response's latency itself (autocannon reports
 * no p95): the latencies sorted, the rate, and the errors (answers of 400 or more included).
 */
export async function runLoad(
  url: string,
  options: {
    connections: number;
    seconds: number;
    requests: autocannon.Request[];
    headers?: Record<string, string>;
  },
): Promise<{ latencies: number[]; perSecond: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  // Without a callback autocannon returns its tracker (an event emitter) made thenable.
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    requests: options.requests,
    headers: options.headers,
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  (instance as autocannon.Instance).on('response', ((
    _client: unknown,
    status: number,
    _bytes: number,
    time: number,
  ) => {
    latencies.push(time);
    if (status >= 400) errors++;
  }) as never);
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    latencies,
    perSecond: latencies.length / (result.duration || options.seconds),
    errors: errors + result.errors,
  };
}
