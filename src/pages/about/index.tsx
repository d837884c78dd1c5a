/** About Jiedu: what it is, and the credit and license of the CC-CEDICT data it ships. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../../platform/i18n.ts';
import { mountPage } from '../../ui/mount.tsx';
import { attributionOf, readNotice } from '../../core/dictionary/dictionary.ts';
import { DICTIONARY_FILE } from '../../core/dictionary/format.ts';
import { Brand } from '../../ui/brand.tsx';

export const CC_BY_SA = 'https://creativecommons.org/licenses/by-sa/4.0/';
const MDBG = 'https://www.mdbg.net/chinese/dictionary?page=cc-cedict';

/**
 * The notice at the head of the packaged dictionary, read from the file itself so that the
 * page shows exactly what ships. Only the first chunk is read: the notice comes first, and
 * the table after it is not needed here.
 */
async function dictionaryNotice(): Promise<string> {
  const response = await fetch(browser.runtime.getURL(DICTIONARY_FILE));
  if (!response.body) throw new Error('no dictionary file');
  const reader = response.body.getReader();
  let head = new Uint8Array(0);
  try {
    while (head.length < 64_000 && !head.includes(0)) {
      const { done, value } = await reader.read();
      if (done) break;
      const next = new Uint8Array(head.length + value.length);
      next.set(head);
      next.set(value, head.length);
      head = next;
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const notice = readNotice(head);
  if (!notice) throw new Error('the dictionary file has no notice');
  return attributionOf(notice.text);
}

const APACHE_2 = 'https://www.apache.org/licenses/LICENSE-2.0';

function About() {
  const [notice, setNotice] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    dictionaryNotice().then(setNotice, () => setFailed(true));
  }, []);
  const version = browser.runtime.getManifest().version;
  return (
    <>
      <header>
        <Brand />
        <a href="library.html">{t('aboutBackToLibrary')}</a>
      </header>
      <section class="card" aria-labelledby="about-what">
        <h2 id="about-what">{t('aboutWhatTitle')}</h2>
        <p>{t('aboutWhat')}</p>
        <p>{t('aboutPrivacy')}</p>
        <p class="muted">{t('aboutVersion', version)}</p>
      </section>
      <section class="card" aria-labelledby="about-cedict">
        <h2 id="about-cedict">{t('aboutDictionaryTitle')}</h2>
        <p>{t('aboutDictionary')}</p>
        <ul>
          <li>
            {t('aboutPublisher')}{' '}
            <a href={MDBG} target="_blank" rel="noreferrer">
              MDBG
            </a>
          </li>
          <li>CEDICT – Copyright (C) 1997, 1998 Paul Andrew Denisowski</li>
          <li>
            {t('aboutLicense')}{' '}
            <a href={CC_BY_SA} target="_blank" rel="noreferrer" data-testid="license-link">
              Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)
            </a>
          </li>
          <li>{t('aboutChanges')}</li>
          <li>{t('aboutShareAlike')}</li>
        </ul>
        <h3 class="small muted" id="about-notice">
          {t('aboutNoticeTitle')}
        </h3>
        {notice ? (
          <pre data-testid="cedict-notice" tabIndex={0} role="region" aria-labelledby="about-notice">
            {notice}
          </pre>
        ) : failed ? (
          <p class="warn">{t('aboutNoticeMissing')}</p>
        ) : (
          <p class="muted">{t('loading')}</p>
        )}
      </section>
      <section class="card" aria-labelledby="about-model">
        <h2 id="about-model">{t('aboutModelTitle')}</h2>
        <p>{t('aboutModel')}</p>
        <ul>
          <li>
            {t('aboutLicense')}{' '}
            <a href={APACHE_2} target="_blank" rel="noreferrer">
              Apache License 2.0
            </a>
          </li>
          <li>{t('aboutModelChanges')}</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="about-code">
        <h2 id="about-code">{t('aboutCodeTitle')}</h2>
        <p>{t('aboutCode')}</p>
      </section>
    </>
  );
}

mountPage(<About />, 'aboutTitle');
