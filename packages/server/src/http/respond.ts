import type { IncomingMessage, ServerResponse } from 'node:http';
import { stringify as toYaml } from 'yaml';

/** Sends a document as JSON, or YAML when the client asks for it in `Accept`. */
export function sendDocument(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
): void {
  const yaml = /yaml/i.test(req.headers.accept ?? '');
  const text = yaml ? toYaml(body) : `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    'content-type': yaml ? 'application/yaml; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** Sends plain text (metrics, health). */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  type = 'text/plain; charset=utf-8',
): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}
