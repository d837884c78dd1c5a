/** The content script of the three sites: the reader and the pinyin annotator are imported only when needed. */
import browser from 'webextension-polyfill';
import { startContent } from './main.ts';

startContent({
  // eslint-disable-next-line no-unsanitized/method -- the extension's own file, by its packaged URL
  reader: () => import(/* @vite-ignore */ browser.runtime.getURL('lazy/reader.js')) as Promise<typeof import('./reader.ts')>,
  // eslint-disable-next-line no-unsanitized/method -- the extension's own file, by its packaged URL
  annotator: () => import(/* @vite-ignore */ browser.runtime.getURL('lazy/annotator.js')) as Promise<typeof import('./annotator.ts')>,
  // eslint-disable-next-line no-unsanitized/method -- the extension's own file, by its packaged URL
  pageUi: () => import(/* @vite-ignore */ browser.runtime.getURL('lazy/page-ui.js')) as Promise<typeof import('./page-ui.ts')>,
});
