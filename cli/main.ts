import { Command, CommanderError } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { registerAdvise } from './advise';
import { registerDemo } from './demo';
import { EXIT } from './exit-codes';
import { registerLint } from './lint';
import { registerScore } from './score';
import { registerServe } from './serve';

/**
 * Builds the `tandem` command tree. Each subcommand lives in its own file and registers itself here.
 */
export function buildProgram(): Command {
  const program = new Command('tandem')
    .description('Tandem: OKRs and SMART goals together, in two tiers.')
    .version(packageJson.version, '-v, --version', 'print the version')
    .showHelpAfterError()
    .exitOverride();
  registerAdvise(program);
  registerDemo(program);
  registerLint(program);
  registerScore(program);
  registerServe(program);
  return program;
}

/**
 * Runs the CLI with the given argv and returns the exit code (0 success, 1 problems found,
 * 2 bad usage or unreadable input).
 */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    throw error;
  }
}
