import { main, processIo, type Io } from '@roam/cli';
import { upCommand, upHelp } from './up.js';

/** The `roam` command: the CLI's commands plus `up`. */
export function run(argv: string[], io: Io = processIo): Promise<number> {
  return main(argv, io, {
    up: {
      summary: 'run the control plane (API, scheduler, store, demo)',
      help: upHelp,
      run: upCommand,
    },
  });
}
