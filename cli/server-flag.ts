const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * `--server` takes an optional URL, so `tandem import --server goals.yaml` would read the file's
 * name as the server. When the word after a bare `--server` is not a URL, it is an argument:
 * `--server` moves to the end (where it takes no value) and the word stays where it was.
 *
 * @example
 * serverFlagLast(['node', 'tandem', 'import', '--server', 'goals.yaml'])
 * // ['node', 'tandem', 'import', 'goals.yaml', '--server']
 */
export function serverFlagLast(argv: readonly string[]): string[] {
  const at = argv.indexOf('--server');
  const end = argv.indexOf('--');
  const next = argv[at + 1];
  if (at < 0 || (end >= 0 && end < at) || next === undefined || next.startsWith('-') || URL_LIKE.test(next))
    return [...argv];
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  return end >= 0 ? [...rest.slice(0, end - 1), '--server', ...rest.slice(end - 1)] : [...rest, '--server'];
}
