import { processIo, UsageError, type Io } from './io.js';
import { scheduleCommand, scheduleHelp } from './commands/schedule.js';
import { validateCommand, validateHelp } from './commands/validate.js';
import { simCommand, simHelp } from './commands/sim/sim.js';
import { applyCommand, applyHelp } from './commands/client/apply.js';
import { deleteCommand, deleteHelp } from './commands/client/delete.js';
import { describeCommand, describeHelp } from './commands/client/describe.js';
import { eventsCommand, eventsHelp } from './commands/client/events.js';
import { getCommand, getHelp } from './commands/client/get.js';
import { tokenCommand, tokenHelp } from './commands/client/token.js';
import { topCommand, topHelp } from './commands/client/top.js';
import { dashboardCommand, dashboardHelp } from './commands/client/dashboard.js';
import { offersCommand, offersHelp } from './commands/catalog/offers.js';
import { catalogCommand, catalogHelp } from './commands/catalog/catalog.js';

/** A subcommand: its help text and what it does. */
export interface Command {
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
    summary: 'run experiments on the simulator: fill, replay, compare, spot',
    help: simHelp,
    run: simCommand,
  },
  apply: {
    summary: 'create or update resources on the server (-f FILE)',
    help: applyHelp,
    run: applyCommand,
  },
  get: {
    summary: 'list or show workloads, queues, nodepools, nodes, offers',
    help: getHelp,
    run: getCommand,
  },
  describe: {
    summary: "show a workload's status, placement, reasons and events",
    help: describeHelp,
    run: describeCommand,
  },
  delete: { summary: 'delete resources', help: deleteHelp, run: deleteCommand },
  events: {
    summary: 'print events (--follow to stream them)',
    help: eventsHelp,
    run: eventsCommand,
  },
  top: {
    summary: 'queues (deserved, fair share, allocated, cost) or nodes',
    help: topHelp,
    run: topCommand,
  },
  dashboard: {
    summary: 'print (and open) a one-time sign-in link to the web dashboard',
    help: dashboardHelp,
    run: dashboardCommand,
  },
  token: {
    summary: 'create, list or revoke access tokens (admin)',
    help: tokenHelp,
    run: tokenCommand,
  },
  offers: {
    summary: 'list the cheapest cloud GPU offerings that match',
    help: offersHelp,
    run: offersCommand,
  },
  catalog: {
    summary: 'import public cloud GPU catalogs; show what the catalog holds',
    help: catalogHelp,
    run: catalogCommand,
  },
};

function help(commands: Readonly<Record<string, Command>>): string {
  return `roam — a control plane for GPU workloads across clouds and on-prem

Usage: roam <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run 'roam <command> --help' for a command's options.`;
}

/**
 * kubectl's habit: `--server` and `--token` may come before the command
 * (`roam --server URL get workloads`); they are handed to the command after its name.
 */
function hoistConnectionFlags(argv: readonly string[]): string[] {
  const flags: string[] = [];
  let i = 0;
  for (;;) {
    const a = argv[i];
    if (a === '--server' || a === '--token') {
      flags.push(a, argv[i + 1] ?? '');
      i += 2;
    } else if (a !== undefined && /^--(server|token)=/.test(a)) {
      flags.push(a);
      i++;
    } else break;
  }
  if (i === 0) return [...argv];
  return [...argv.slice(i, i + 1), ...flags, ...argv.slice(i + 1)];
}

/**
 * Runs the `roam` command line; returns the exit code. `extra` adds commands from
 * packages the CLI must not depend on (the app adds `up` from the server).
 */
export async function main(
  argv: string[],
  io: Io = processIo,
  extra: Readonly<Record<string, Command>> = {},
): Promise<number> {
  const commands = { ...extra, ...COMMANDS };
  const HELP = help(commands);
  const [name, ...rest] = hoistConnectionFlags(argv);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
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
