/** The theme setting on an extension page: 'auto' leaves light or dark to the system (theme.css). */
import type { Settings } from '../core/settings.ts';

export function applyTheme(theme: Settings['theme']): void {
  const root = document.documentElement;
  if (theme === 'auto') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
