import { render, type VNode } from 'preact';
import browser from 'webextension-polyfill';
import { t } from '../platform/i18n.ts';
import { loadSettings, watchSettings } from '../platform/settings-store.ts';
import { applyTheme } from './theme.ts';

/** Renders an extension page into its #app element, in the reader's language and theme, titled from the locale strings. */
export function mountPage(page: VNode, titleKey?: string): void {
  // A page whose script is loaded async (the review page, to ask for its first card early) may run before its body is parsed.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => mountPage(page, titleKey), { once: true });
    return;
  }
  const root = document.getElementById('app');
  if (!root) return;
  if (titleKey) document.title = t(titleKey);
  document.documentElement.lang = browser.i18n.getUILanguage();
  // Until the setting is read the system's appearance applies, which is also the default; a change in the options applies at once.
  loadSettings().then(
    (s) => applyTheme(s.theme),
    () => undefined,
  );
  watchSettings((s) => applyTheme(s.theme));
  render(page, root);
}
