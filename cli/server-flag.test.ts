import { describe, expect, it } from 'vitest';
import { serverFlagLast } from './server-flag';

const cli = (...words: string[]) => ['node', 'tandem', ...words];

describe('a bare --server before an argument', () => {
  it('moves to the end when the next word is not a URL, so the word stays an argument', () => {
    expect(serverFlagLast(cli('import', '--server', 'goals.yaml', '--dry-run'))).toEqual(
      cli('import', 'goals.yaml', '--dry-run', '--server'),
    );
  });

  it('keeps a URL as the value, and a flag after it', () => {
    expect(serverFlagLast(cli('import', '--server', 'http://127.0.0.1:3000', 'a.yaml'))).toEqual(
      cli('import', '--server', 'http://127.0.0.1:3000', 'a.yaml'),
    );
    expect(serverFlagLast(cli('import', 'a.yaml', '--server', '--dry-run'))).toEqual(
      cli('import', 'a.yaml', '--server', '--dry-run'),
    );
    expect(serverFlagLast(cli('import', 'a.yaml', '--server'))).toEqual(cli('import', 'a.yaml', '--server'));
  });

  it('stays before a `--` that ends the options', () => {
    expect(serverFlagLast(cli('import', '--server', 'a.yaml', '--', '-odd.yaml'))).toEqual(
      cli('import', 'a.yaml', '--server', '--', '-odd.yaml'),
    );
  });
});
