import { mkdir, readFile, writeFile, chmod } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from '../io.js';

/** Where the CLI talks to, and as whom. */
export interface ClientConfig {
  readonly server: string;
  readonly token?: string;
}

/** The CLI config file: `$ROAM_CONFIG`, else `$XDG_CONFIG_HOME/roam/config.json`, else `~/.config/roam/config.json`. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ROAM_CONFIG) return env.ROAM_CONFIG;
  const base = env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(base, 'roam', 'config.json');
}

/** The default server address. */
export const DEFAULT_SERVER = 'http://127.0.0.1:7070';

/**
 * Resolves the connection: `--server` and `--token` flags win, then `ROAM_SERVER` and
 * `ROAM_TOKEN`, then the config file, then the default address without a token.
 */
export async function loadClientConfig(
  flags: { server?: string; token?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<ClientConfig> {
  let file: Partial<ClientConfig> = {};
  const path = configPath(env);
  try {
    file = JSON.parse(await readFile(path, 'utf8')) as Partial<ClientConfig>;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new UsageError(`${path}: cannot read the CLI config: ${(e as Error).message}`, 1);
  }
  const server = flags.server ?? env.ROAM_SERVER ?? file.server ?? DEFAULT_SERVER;
  const token = flags.token ?? env.ROAM_TOKEN ?? file.token;
  return token !== undefined ? { server, token } : { server };
}

/** Writes the CLI config (readable only by its owner: it holds a token). */
export async function saveClientConfig(
  config: ClientConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const path = configPath(env);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return path;
}
