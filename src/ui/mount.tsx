import { render, type VNode } from 'preact';
import browser from 'webextension-polyfill';
import { t } from '../platform/i18n.ts';

/** Renders an extension page into its #app element, in the reader's language, titled from the locale strings. */
export function mountPage(page: VNode, titleKey?: string): void {
  const root = document.getElementById('app');
  if (!root) return;
  if (titleKey) document.title = t(titleKey);
  document.documentElement.lang = browser.i18n.getUILanguage();
  render(page, root);
}
