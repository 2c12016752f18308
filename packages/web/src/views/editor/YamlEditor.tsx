import { useRef, useState, type KeyboardEvent } from 'react';
import type { LineError } from '../../model/yaml-errors.js';

const LINE_H = 20;
const PAD = 10;

/**
 * A YAML text area with line numbers, and each error drawn at its line: the line is
 * marked in the gutter and underlaid, with the message at the line's end. Ctrl+Enter
 * (⌘+Enter) submits. The error list below it moves the cursor to an error's line.
 */
export function YamlEditor({
  id,
  label,
  text,
  errors,
  onChange,
  onSubmit,
}: {
  id: string;
  label: string;
  text: string;
  errors: readonly LineError[];
  onChange: (text: string) => void;
  onSubmit: () => void;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const lines = text.split('\n').length;
  const byLine = new Map<number, LineError[]>();
  for (const e of errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);

  const goTo = (line: number): void => {
    const el = area.current;
    if (!el) return;
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    const start = starts[line - 1] ?? 0;
    const end = (starts[line] ?? text.length + 1) - 1;
    el.focus();
    el.setSelectionRange(start, end);
    el.scrollTop = Math.max(0, (line - 3) * LINE_H);
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="yaml">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <div className="yaml-box">
        <div
          className="yaml-gutter"
          aria-hidden="true"
          style={{ transform: `translateY(${-scroll.top}px)` }}
        >
          {Array.from({ length: lines }, (_, i) => (
            <div key={i} className={byLine.has(i + 1) ? 'bad' : undefined}>
              {i + 1}
            </div>
          ))}
        </div>
        <div
          className="yaml-layer"
          aria-hidden="true"
          style={{ transform: `translate(${-scroll.left}px, ${-scroll.top}px)` }}
        >
          {[...byLine].map(([line, list]) => (
            <div key={line} className="yaml-error-band" style={{ top: PAD + (line - 1) * LINE_H }}>
              <span className="yaml-error-msg">
                {list.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join(' · ')}
              </span>
            </div>
          ))}
        </div>
        <textarea
          ref={area}
          id={id}
          className="yaml-text"
          value={text}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) =>
            setScroll({ top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft })
          }
          onKeyDown={onKey}
        />
      </div>
      {errors.length > 0 && (
        <ul id={`${id}-errors`} className="yaml-errors" role="alert" aria-label="Errors">
          {errors.map((e, i) => (
            <li key={i}>
              <button type="button" className="link" onClick={() => goTo(e.line)}>
                line {e.line}
              </button>{' '}
              {e.field !== '' && <code>{e.field}</code>} {e.message}
              {!e.exact && <span className="muted"> (missing: shown at its parent)</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
