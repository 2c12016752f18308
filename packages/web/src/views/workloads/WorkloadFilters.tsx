import { MARKETS } from '../../model/nodes.js';
import { CLASSES, PHASES, type WorkloadFilter } from '../../model/workloads.js';

/** The workload table's filters: text, queue, class, phase and market. */
export function WorkloadFilters({
  filter,
  queues,
  onChange,
}: {
  filter: WorkloadFilter;
  queues: readonly string[];
  onChange: (f: WorkloadFilter) => void;
}) {
  const select = (
    label: string,
    key: keyof WorkloadFilter,
    options: readonly string[],
    all: string,
  ) => (
    <label className="field">
      {label}
      <select
        className="select"
        value={filter[key]}
        onChange={(e) => onChange({ ...filter, [key]: e.target.value })}
      >
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter workloads"
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="field grow">
        Search
        <input
          className="input"
          type="search"
          placeholder="Name, node or reason"
          value={filter.text}
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
      </label>
      {select('Queue', 'queue', queues, 'All queues')}
      {select('Class', 'cls', CLASSES, 'All classes')}
      {select('Phase', 'phase', PHASES, 'All phases')}
      {select('Market', 'market', [...MARKETS, 'none'], 'All markets')}
    </form>
  );
}
