/** The content script of the three sites: the reader is imported only when the URL can be an article. */
import browser from 'webextension-polyfill';
import { startContent } from './main.ts';

startContent(() => import(/* @vite-ignore */ browser.runtime.getURL('lazy/reader.js')) as Promise<typeof import('./reader.ts')>);
