import { DEFAULT_DATA_DIR } from '@roam/adapters';
import { UsageError, type Io } from '../../io.js';
import { catalogImportCommand } from './import.js';
import { catalogShowCommand } from './show.js';

/** The help of `roam catalog`, both subcommands. */
export const catalogHelp = `Usage: roam catalog import FILE [FILE ...] [--data-dir DIR] [--as-of YYYY-MM-DD]
       roam catalog show [--data-dir DIR] [-o json]

The offering catalog 'roam offers' searches: Roam's built-in list of GPU offerings on AWS,
GCP and Azure, with imported public catalogs over it.

import  reads public catalog files, each recognised by its header: the AWS GPU instance
        CSV from instances.vantage.sh, the GCP pricing CSV (with the GCP machine-type zone
        list in the same import to fill zones), the Azure catalog CSV of SkyPilot. Every
        row is checked; if any is malformed, each is printed as 'file:line: column: reason'
        and nothing is saved (exit 1). Rows left out on purpose (no GPU, a fraction of a
        GPU, no price, promotional sizes) are counted. The offerings are saved to
        DIR/catalog.json (default ./${DEFAULT_DATA_DIR}) with earlier imports: a file imported
        again replaces its earlier import, and imported offerings override built-in ones of
        the same cloud, region and instance type. A file's prices are dated by --as-of,
        else by the file (GCP's snapshot_utc), else by a YYYY-MM-DD date in its name.
show    prints the offerings per source and cloud with their as-of dates; -o json too.`;

const SUBCOMMANDS: Readonly<Record<string, (args: string[], io: Io) => Promise<number>>> = {
  import: catalogImportCommand,
  show: catalogShowCommand,
};

/** `roam catalog import|show …`. */
export async function catalogCommand(args: string[], io: Io): Promise<number> {
  const [name, ...rest] = args;
  const run = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!run)
    throw new UsageError(
      `${name === undefined ? 'import or show is required' : `unknown subcommand ${JSON.stringify(name)}`}\n\n${catalogHelp}`,
    );
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(catalogHelp);
    return 0;
  }
  return run(rest, io);
}
