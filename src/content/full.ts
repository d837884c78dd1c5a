/** The content script injected by hand into a page of another site: it carries the reader itself. */
import * as reader from './reader.ts';
import { startContent } from './main.ts';

startContent({
  reader: () => Promise.resolve(reader),
  annotator: () => Promise.reject(new Error('Pinyin is available on Guancha, Zaobao and Xinhua pages.')),
  pageUi: () => Promise.reject(new Error('Look-up and glossary cards are available on Guancha, Zaobao and Xinhua pages.')),
});
