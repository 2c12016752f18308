/** What names a series before it has a unique name. */
export interface SeriesIdentity {
  readonly zone: string;
  readonly instanceType: string;
  readonly probed: number;
}

/**
 * Unique names for series, in order: the zone alone where it is unique in the file, else
 * `zone/instance-type`, else `zone/instance-type/N` with N the instances probed, else
 * that and `#i`, its position.
 */
export function seriesNames(series: readonly SeriesIdentity[]): string[] {
  const levels = [
    (s: SeriesIdentity): string => s.zone,
    (s: SeriesIdentity): string => `${s.zone}/${s.instanceType}`,
    (s: SeriesIdentity): string => `${s.zone}/${s.instanceType}/${s.probed}`,
  ];
  return series.map((s, i) => {
    for (const level of levels) {
      const name = level(s);
      if (series.filter((other) => level(other) === name).length === 1) return name;
    }
    return `${s.zone}/${s.instanceType}/${s.probed}#${i}`;
  });
}
