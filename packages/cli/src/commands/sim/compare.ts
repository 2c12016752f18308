import type { Io } from '../../io.js';
import { UsageError } from '../../io.js';
import { fillCommand } from './fill.js';
import { replayCommand } from './replay.js';

export const compareHelp = `Usage: roam sim compare --policies P1,P2,... (fill options | replay options)

Runs several policies on the same trace and seeds and prints them side by side:
with --pods it runs 'roam sim fill', with --trace it runs 'roam sim replay'.
Example:
  roam sim compare --policies fgd,bestfit,roam --nodes NODES.csv --pods PODS.csv --seeds 42-44`;

/** `roam sim compare`: the fill or replay command over several policies. */
export async function compareCommand(args: string[], io: Io): Promise<number> {
  const at = args.indexOf('--policies');
  const list = at >= 0 ? args[at + 1] : undefined;
  if (list === undefined) throw new UsageError('--policies is required (a comma-separated list)');
  const rest = [...args.slice(0, at), ...args.slice(at + 2), '--policy', list];
  if (rest.includes('--pods')) return fillCommand(rest, io);
  if (rest.includes('--trace')) return replayCommand(rest, io);
  throw new UsageError('give --pods (fill experiment) or --trace (replay)');
}
