import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { errors } from './errors.js';

/** Largest request body accepted, bytes. */
export const MAX_BODY_BYTES = 1 << 20;

/** Reads a request body as text, refusing bodies over `MAX_BODY_BYTES`. */
export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw errors.tooLarge(`request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON or YAML body (by Content-Type; JSON first when none is given). */
export async function readDocument(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const text = await readText(req);
  if (text.trim() === '') throw errors.badRequest('the request has no body');
  const yaml = type.endsWith('yaml') || type === 'text/plain';
  if (type !== '' && !yaml && !type.endsWith('json'))
    throw errors.unsupportedMediaType(
      `unsupported content type ${type}: send application/json or application/yaml`,
    );
  try {
    return yaml ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    if (type === '') {
      try {
        return parseYaml(text);
      } catch {
        // fall through to the JSON error
      }
    }
    throw errors.badRequest(
      `the body is not valid ${yaml ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0] ?? ''}`,
    );
  }
}
