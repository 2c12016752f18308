import { UsageError, type Io } from '../../io.js';
import { compareCommand, compareHelp } from './compare.js';
import { fillCommand, fillHelp } from './fill.js';
import { replayCommand, replayHelp } from './replay.js';
import { spotCommand, spotHelp } from './spot.js';

const SUBCOMMANDS: Readonly<
  Record<string, { help: string; run: (args: string[], io: Io) => Promise<number> }>
> = {
  fill: { help: fillHelp, run: fillCommand },
  replay: { help: replayHelp, run: replayCommand },
  compare: { help: compareHelp, run: compareCommand },
  spot: { help: spotHelp, run: spotCommand },
};

export const simHelp = `Usage: roam sim <experiment> [options]

Experiments on Roam's simulator (the same scheduler code that runs live):
  fill      the FGD fill experiment: pods arrive and never leave; allocation vs load
  replay    replay a workload trace with arrivals and departures on a cluster
  compare   several policies side by side (fill or replay)
  spot      a deadline job on a spot trace: Roam's policy against Can't Be Late's

Run 'roam sim <experiment> --help' for its options.`;

/** `roam sim …`. */
export async function simCommand(args: string[], io: Io): Promise<number> {
  const [name, ...rest] = args;
  const sub = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!sub)
    throw new UsageError(
      `${name === undefined ? 'an experiment is required' : `unknown experiment ${JSON.stringify(name)}`}\n\n${simHelp}`,
    );
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(sub.help);
    return 0;
  }
  return sub.run(rest, io);
}
