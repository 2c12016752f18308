import { readFile } from 'node:fs/promises';
import { main } from '../src/main.js';
import type { Io } from '../src/io.js';

/** Runs the CLI in-process with captured output; `stdin` is what `-f -` reads. */
export async function roam(
  args: string[],
  stdin = '',
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => void (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`),
    read: async (path) => (path === '-' ? stdin : readFile(path, 'utf8')),
  };
  const code = await main(args, io);
  return { code, out, err };
}

/** Path of a file in the repository's examples folder. */
export function example(name: string): string {
  return new URL(`../../../examples/${name}`, import.meta.url).pathname;
}
