import { useEffect, useState } from 'react';

/** What the person chose: follow the system, or a fixed theme. */
export type ThemeChoice = 'system' | 'light' | 'dark';
/** The theme in effect. */
export type Theme = 'light' | 'dark';

const KEY = 'roam.theme';
const dark = (): MediaQueryList => matchMedia('(prefers-color-scheme: dark)');

function storedChoice(): ThemeChoice {
  const v = localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

function resolve(choice: ThemeChoice): Theme {
  if (choice !== 'system') return choice;
  return dark().matches ? 'dark' : 'light';
}

/**
 * The theme: the stored choice (default: follow `prefers-color-scheme`), applied to
 * `<html data-theme>`, and a setter that stores a new choice.
 */
export function useTheme(): {
  choice: ThemeChoice;
  theme: Theme;
  choose: (c: ThemeChoice) => void;
} {
  const [choice, setChoice] = useState<ThemeChoice>(storedChoice);
  const [theme, setTheme] = useState<Theme>(() => resolve(storedChoice()));
  useEffect(() => {
    const apply = (): void => {
      const t = resolve(choice);
      document.documentElement.dataset.theme = t;
      setTheme(t);
    };
    apply();
    const media = dark();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [choice]);
  const choose = (c: ThemeChoice): void => {
    if (c === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, c);
    setChoice(c);
  };
  return { choice, theme, choose };
}

/** A CSS custom property's value on the document, e.g. `--accent`. */
export function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}
