import type { Scale } from './nice-scale.js';

/** The plot area in pixels, from the top-left corner of the SVG. */
export interface PlotBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The plot area with its scales: where a data value lands in pixels. */
export interface Frame {
  readonly box: PlotBox;
  readonly xScale: Scale;
  readonly yScale: Scale;
  /** Pixel x of data x. */
  px(x: number): number;
  /** Pixel y of data y (up is larger). */
  py(y: number): number;
}

/** The frame mapping `xScale` across `box` left to right and `yScale` bottom to top. */
export function frame(box: PlotBox, xScale: Scale, yScale: Scale): Frame {
  const xSpan = xScale.max - xScale.min;
  const ySpan = yScale.max - yScale.min;
  return {
    box,
    xScale,
    yScale,
    px: (x) => box.left + ((x - xScale.min) / xSpan) * box.width,
    py: (y) => box.top + box.height - ((y - yScale.min) / ySpan) * box.height,
  };
}
