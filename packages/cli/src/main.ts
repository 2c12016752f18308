import { processIo, UsageError, type Io } from './io.js';
import { scheduleCommand, scheduleHelp } from './commands/schedule.js';
import { validateCommand, validateHelp } from './commands/validate.js';
import { simCommand, simHelp } from './commands/sim/sim.js';

/** A subcommand: its help text and what it does. */
interface Command {
  readonly summary: string;
  readonly help: string;
  run(args: string[], io: Io): Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  validate: {
    summary: 'check resource files without applying them',
    help: validateHelp,
    run: validateCommand,
  },
  schedule: {
    summary: 'dry-run a scheduling cycle over resource files',
    help: scheduleHelp,
    run: scheduleCommand,
  },
  sim: {
    summary: 'run experiments on the simulator: fill, replay, compare',
    help: simHelp,
    run: simCommand,
  },
};

const HELP = `roam — a control plane for GPU workloads across clouds and on-prem

Usage: roam <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run 'roam <command> --help' for a command's options.`;

/** Runs the `roam` command line; returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`roam: unknown command ${JSON.stringify(name)}\n\n${HELP}`);
    return 2;
  }
  if (name !== 'sim' && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      // Errors about input files carry their own `file:line:` location; command-line errors get the command's name.
      io.err(e.exitCode === 1 ? e.message : `roam ${name}: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`roam ${name}: ${e.message}\n\n${command.help}`);
      return 2;
    }
    throw e;
  }
}
