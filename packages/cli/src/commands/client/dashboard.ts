import { spawn } from 'node:child_process';
import type { Io } from '../../io.js';
import { clientFor, collection, CONNECTION_HELP, explainApiError } from './common.js';

export const dashboardHelp = `Usage: roam dashboard [--no-open]

Prints a one-time link that signs the browser in to the web dashboard as the CLI's
current identity (its token's role and queues), and opens it in a browser when this
machine has a display. The link works once, within 5 minutes.

  --no-open      only print the link
${CONNECTION_HELP}`;

/** What the server answers to `POST …/signinlinks`. */
interface SigninLink {
  readonly path: string;
  readonly expiresAt: string;
}

/** `roam dashboard [--no-open]`. */
export async function dashboardCommand(args: string[], io: Io): Promise<number> {
  const { values, client } = await clientFor(args, {
    'no-open': { type: 'boolean', default: false },
  });
  let link: SigninLink;
  try {
    link = await client.request<SigninLink>('POST', collection('signinlinks'));
  } catch (e) {
    return explainApiError(e);
  }
  const url = `${client.config.server}${link.path}`;
  io.out(url);
  const opener =
    values['no-open'] === true ? undefined : browserOpener(process.platform, process.env);
  if (opener !== undefined && openQuietly(opener, url))
    io.err(`opening the dashboard in your browser (the link works once, until ${link.expiresAt})`);
  else io.err(`open this link in a browser: it works once, until ${link.expiresAt}`);
  return 0;
}

/** The command that opens a URL in the desktop's browser, if this machine has a display. */
export function browserOpener(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): string | undefined {
  if (platform === 'darwin') return 'open';
  if (platform === 'win32') return undefined;
  return env.DISPLAY || env.WAYLAND_DISPLAY ? 'xdg-open' : undefined;
}

/** Starts `command url` detached; false if it could not be started (never throws). */
function openQuietly(command: string, url: string): boolean {
  try {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return child.pid !== undefined;
  } catch {
    return false;
  }
}
