import type { EventView } from '../api/types.js';
import { routeHref } from '../app/routes.js';
import { formatTime } from './format.js';

/** Events, newest first, each with its type, subject and reason. */
export function EventList({
  events,
  showSubject = true,
}: {
  events: readonly EventView[];
  showSubject?: boolean;
}) {
  return (
    <ol className="events" aria-label="Events, newest first">
      {[...events].reverse().map((e, i) => (
        <li key={`${e.time}-${i}`}>
          <time dateTime={e.time}>{formatTime(Date.parse(e.time))}</time>
          <span className="badge plain" data-tone={tone(e.type)}>
            {e.type}
          </span>
          <span className="reason">
            {showSubject && e.workload !== undefined && (
              <>
                <a href={routeHref({ view: 'workload', name: e.workload })}>{e.workload}</a>:{' '}
              </>
            )}
            {showSubject && e.workload === undefined && e.node !== undefined && (
              <>
                <a href={routeHref({ view: 'fleet', node: e.node })}>{e.node}</a>:{' '}
              </>
            )}
            {e.reason}
          </span>
        </li>
      ))}
    </ol>
  );
}

function tone(type: string): string {
  if (type === 'started' || type === 'succeeded') return 'ok';
  if (type === 'pending') return 'warn';
  if (/preempt|failed|reclaim|removed/.test(type)) return 'danger';
  if (/migrat|checkpoint/.test(type)) return 'info';
  return '';
}
