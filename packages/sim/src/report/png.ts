import { Resvg } from '@resvg/resvg-js';

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Width of the PNG in pixels, the height following the SVG's aspect ratio; the SVG's own width when left out. */
  readonly width?: number;
}

/**
 * Rasterises an SVG document (such as a chart from `lineChart`) to a PNG image with resvg,
 * using the system's fonts with DejaVu Sans as the fallback family.
 */
export function svgToPng(svg: string, opts: PngOptions = {}): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: opts.width === undefined ? { mode: 'original' } : { mode: 'width', value: opts.width },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
