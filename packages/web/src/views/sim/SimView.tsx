import { useState, type DragEvent } from 'react';
import { addSimReports, NO_REPORTS, type SimReports } from '../../model/sim-report.js';
import { Empty } from '../../ui/Empty.js';
import { Notice } from '../../ui/Notice.js';
import { FillResults } from './FillResults.js';
import { filesOfDrop, filesOfInput, isReportFile, type GivenFile } from './read-drop.js';
import { ReplayResults } from './ReplayResults.js';

/**
 * Results of `roam sim … --out DIR` runs: open their folders or `report.json` files (pick
 * or drop them) and compare policies with the CLI's charts. Runs add up, so results of
 * several folders can be compared; nothing leaves the browser.
 */
export default function SimView() {
  const [reports, setReports] = useState<SimReports>(NO_REPORTS);
  const [loaded, setLoaded] = useState<readonly string[]>([]);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [over, setOver] = useState(false);

  const take = async (files: readonly GivenFile[]): Promise<void> => {
    const wanted = files.filter((f) => isReportFile(f.path, files.length === 1));
    const problems: string[] = [];
    if (wanted.length === 0)
      problems.push(
        'no report.json among the files given: open the folder a run wrote with --out DIR',
      );
    let next = reports;
    const names: string[] = [];
    for (const f of wanted) {
      try {
        next = addSimReports(next, await f.text(), f.path);
        names.push(f.path);
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    setReports(next);
    setLoaded((l) => [...l, ...names]);
    setErrors(problems);
  };
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setOver(false);
    void filesOfDrop(e.dataTransfer.items).then(take);
  };

  const empty = reports.fill.length === 0 && reports.replay.length === 0;
  return (
    <div className="view">
      <header className="view-head">
        <div>
          <h1>Simulation results</h1>
          <p className="lede">
            Compare policies on the results of <code>roam sim fill|replay|compare … --out DIR</code>
            , with the same charts as the CLI.
          </p>
        </div>
        {!empty && (
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => (setReports(NO_REPORTS), setLoaded([]), setErrors([]))}
            >
              Clear
            </button>
          </div>
        )}
      </header>
      <section
        className="card dropzone"
        data-over={over}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        aria-label="Open simulation results"
      >
        <p style={{ margin: 0 }}>
          <strong>Drop a run's folder or its report.json here</strong>, or choose:
        </p>
        <div style={{ display: 'flex', gap: 10, flexWrap: 'wrap', justifyContent: 'center' }}>
          <label className="button primary">
            Open folder…
            <input
              className="visually-hidden"
              type="file"
              // Chromium, Firefox and Safari all read a folder this way.
              {...{ webkitdirectory: '', directory: '' }}
              onChange={(e) => e.target.files && void take(filesOfInput(e.target.files))}
            />
          </label>
          <label className="button">
            Open report.json…
            <input
              className="visually-hidden"
              type="file"
              accept=".json,application/json"
              multiple
              data-testid="report-input"
              onChange={(e) => e.target.files && void take(filesOfInput(e.target.files))}
            />
          </label>
        </div>
        {loaded.length > 0 && <p className="muted small">Loaded: {loaded.join(', ')}</p>}
      </section>
      {errors.map((e, i) => (
        <Notice key={i} tone="danger">
          {e}
        </Notice>
      ))}
      {empty ? (
        <section className="card">
          <Empty title="No results open">
            For example:{' '}
            <code>
              npx roam sim compare --policies fgd,roam --nodes NODES.csv --pods PODS.csv --out
              runs/fill
            </code>
            , then open <code>runs/fill</code>.
          </Empty>
        </section>
      ) : (
        <>
          {reports.fill.length > 0 && <FillResults reports={reports.fill} />}
          {reports.replay.length > 0 && <ReplayResults reports={reports.replay} />}
        </>
      )}
    </div>
  );
}
