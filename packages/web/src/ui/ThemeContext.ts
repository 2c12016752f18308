import { createContext, useContext } from 'react';
import type { Theme } from './theme.js';

/** The theme in effect, for canvases and charts that draw with its colours. */
export const ThemeContext = createContext<Theme>('light');

/** The theme in effect. */
export function useThemeName(): Theme {
  return useContext(ThemeContext);
}
