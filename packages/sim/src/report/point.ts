/** One point of a series: x and y in data units (or pixels, once projected). */
export type Point = readonly [x: number, y: number];
