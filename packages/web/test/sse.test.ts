import { describe, expect, it } from 'vitest';
import { SseParser } from '../src/api/sse.js';

describe('SseParser', () => {
  it('splits events that arrive in arbitrary chunks, skipping comments', () => {
    const p = new SseParser();
    const stream =
      ': connected\n\nevent: sync\ndata: {"nodes":3}\n\nevent: change\ndata: {"a":1}\n\n: keep-alive\n\nevent: event\ndata: {"b":\ndata: 2}\n\n';
    const got = [];
    for (let i = 0; i < stream.length; i += 7) got.push(...p.push(stream.slice(i, i + 7)));
    expect(got).toEqual([
      { event: 'sync', data: '{"nodes":3}' },
      { event: 'change', data: '{"a":1}' },
      { event: 'event', data: '{"b":\n2}' },
    ]);
  });

  it('names unnamed events "message", accepts CRLF and keeps an unfinished event for later', () => {
    const p = new SseParser();
    expect(p.push('data: x\r\n\r\ndata: y')).toEqual([{ event: 'message', data: 'x' }]);
    expect(p.push('\n\n')).toEqual([{ event: 'message', data: 'y' }]);
  });
});
