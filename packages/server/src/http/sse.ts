import type { IncomingMessage, ServerResponse } from 'node:http';

/** Interval of keep-alive comments on idle streams, ms. */
const KEEP_ALIVE_MS = 15_000;

/**
 * Opens a server-sent events stream. Returns `send` (one JSON event) and a promise that
 * resolves when the client goes away.
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
): { send: (event: string, data: unknown) => void; closed: Promise<void> } {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(': connected\n\n');
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  const closed = new Promise<void>((resolve) => {
    const done = (): void => {
      clearInterval(keepAlive);
      resolve();
    };
    req.once('close', done);
    res.once('close', done);
  });
  return {
    send: (event, data) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    closed,
  };
}
