import type { Timeline } from '../../model/timeline.js';
import { formatDuration, formatTime } from '../../ui/format.js';

const H = 74;
const TRACK_Y = 30;
const TRACK_H = 16;

const STATE_LABEL = { pending: 'waiting', running: 'running', preempting: 'evicting' } as const;

/**
 * A workload's life on one track: waiting, running and evicting stretches, with a mark
 * per transition (submitted → placed → moved → … → finished). Drawn in SVG that scales
 * with its box; every mark is also listed for screen readers.
 */
export function TimelineChart({ timeline }: { timeline: Timeline }) {
  const span = Math.max(1, timeline.to - timeline.from);
  const x = (t: number): number => (100 * (t - timeline.from)) / span;
  return (
    <figure className="timeline" style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 100 ${H}`}
        preserveAspectRatio="none"
        width="100%"
        height={H}
        aria-hidden="true"
      >
        <rect x="0" y={TRACK_Y} width="100" height={TRACK_H} rx="0.6" className="tl-track" />
        {timeline.segments.map((s, i) => (
          <rect
            key={i}
            x={x(s.from)}
            y={TRACK_Y}
            width={Math.max(0.15, x(s.to) - x(s.from))}
            height={TRACK_H}
            className={`tl-${s.state}`}
          />
        ))}
        {timeline.marks
          .filter((m) => m.type !== 'pending')
          .map((m, i) => (
            <line
              key={i}
              x1={x(m.at)}
              x2={x(m.at)}
              y1={TRACK_Y - 8}
              y2={TRACK_Y + TRACK_H + 4}
              className={`tl-mark tl-mark-${m.label}`}
              vectorEffect="non-scaling-stroke"
            />
          ))}
      </svg>
      <div className="tl-labels" aria-hidden="true">
        {timeline.marks
          .filter((m) => m.type !== 'pending')
          .map((m, i) => (
            <span
              key={i}
              style={{ left: `${x(m.at)}%` }}
              title={`${formatTime(m.at)}: ${m.reason}`}
            >
              {m.label}
            </span>
          ))}
      </div>
      <figcaption className="legend" style={{ marginTop: 8 }}>
        {(['pending', 'running', 'preempting'] as const).map((s) => (
          <span key={s}>
            <i className={`key tl-${s}`} /> {STATE_LABEL[s]}
          </span>
        ))}
        <span className="muted">
          {formatTime(timeline.from)} → {timeline.finished ? formatTime(timeline.to) : 'now'} (
          {formatDuration(span)})
        </span>
      </figcaption>
      <ol className="visually-hidden">
        {timeline.marks.map((m, i) => (
          <li key={i}>
            {formatTime(m.at)} {m.label}: {m.reason}
          </li>
        ))}
      </ol>
    </figure>
  );
}
