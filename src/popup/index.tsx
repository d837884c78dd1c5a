/** The toolbar popup: what Jiedu made of this tab, and the way into the library. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { LibraryStats, PageState, PinyinState, TermsState } from '../messaging/protocol.ts';
import { pinyinLook, type Settings, type SettingsPatch } from '../core/settings.ts';
import { PinyinSettingsForm } from '../ui/pinyin-settings.tsx';
import { ReviewButton } from './review-button.tsx';
import { GlossaryTab } from './glossary-tab.tsx';
import { errorText, formatDate, siteName, t } from '../platform/i18n.ts';
import { sendToBackground, sendToTab } from '../messaging/ports.ts';
import { mountPage } from '../ui/mount.tsx';
import { loadSettings, saveSettings } from '../platform/settings-store.ts';
import { Brand } from '../ui/brand.tsx';
import { TabList } from '../ui/tab-list.tsx';

type TabView =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'no-script'; tabId: number; url: string } // a site Jiedu does not run on by itself
  | { kind: 'page'; tabId: number; state: PageState };

async function currentTab(): Promise<{ id: number; url: string } | null> {
  // Tests open the popup in its own tab and name the tab to describe with ?tab=ID; a production build has no such way in.
  const forced = typeof __JIEDU_TEST_HOOKS__ !== 'undefined' && __JIEDU_TEST_HOOKS__ ? new URLSearchParams(location.search).get('tab') : null;
  if (forced) {
    const tab = await browser.tabs.get(Number(forced));
    return tab.id === undefined ? null : { id: tab.id, url: tab.url ?? '' };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? '' };
}

async function loadView(): Promise<TabView> {
  const tab = await currentTab();
  if (!tab) return { kind: 'no-tab' };
  try {
    // The content script may still be reading a late body; ask until it settles.
    for (let i = 0; i < 20; i++) {
      const state = await sendToTab(tab.id, 'page/state', {});
      if (state.kind !== 'pending' || i === 19) return { kind: 'page', tabId: tab.id, state };
      await new Promise((r) => setTimeout(r, 150));
    }
  } catch {
    // No content script answered: not one of the three sites (or a browser page).
  }
  return { kind: 'no-script', tabId: tab.id, url: tab.url };
}

/** Saving a page of another site: ask for that site only, at the moment the user wants it. */
async function saveOtherSite(tabId: number, url: string): Promise<PageState | null> {
  const origin = new URL(url).origin;
  const granted = await browser.permissions.request({ permissions: ['scripting'], origins: [`${origin}/*`] });
  if (!granted) return null;
  await browser.scripting.executeScript({ target: { tabId }, files: ['content-full.js'] });
  return sendToTab(tabId, 'page/save', {});
}

function PageCard({ state }: { state: PageState }) {
  switch (state.kind) {
    case 'not-article':
      return <p>{t('notArticle')}</p>;
    case 'pending':
      return <p class="muted">{t('statusPending')}</p>;
    case 'unreadable':
      return (
        <>
          <p class="warn" role="alert">
            {state.site ? t('unreadableSite', siteName(state.site)) : t('unreadable', state.message)}
          </p>
          {state.site ? <p class="meta">{t('technicalDetail', state.message)}</p> : null}
        </>
      );
    case 'error':
      return (
        <p class="warn" role="alert">
          {t('errorPrefix', state.message)}
        </p>
      );
    case 'detected': {
      const { article, save } = state;
      const statusKey = { added: 'statusAdded', updated: 'statusUpdated', unchanged: 'statusUnchanged', 'not-saved': 'statusNotSaved' }[save.status];
      return (
        <div>
          <p class="article-title" lang="zh-Hans" data-testid="article-title">
            {article.title}
          </p>
          <p class="meta">
            <span data-testid="article-site">{siteName(article.site)}</span>
            <span data-testid="article-date">{formatDate(article.publishedAt)}</span>
            <span>{t('characters', article.charCount.toLocaleString())}</span>
          </p>
          <p class={save.status === 'not-saved' ? 'status muted' : 'status ok'} data-testid="save-status" role="status">
            {t(statusKey)}
          </p>
          {save.firstSavedAt && save.status !== 'added' ? <p class="meta">{t('firstSaved', formatDate(save.firstSavedAt))}</p> : null}
          {article.partial ? (
            <p class="notice">
              {t('partial', String(article.partial.page))}{' '}
              {article.partial.fullTextUrl ? (
                <a href={article.partial.fullTextUrl} target="_blank" rel="noreferrer">
                  {t('openFullText')}
                </a>
              ) : null}
            </p>
          ) : null}
          {state.notices.map((n) => (
            <p class="notice" key={n}>
              {n}
            </p>
          ))}
        </div>
      );
    }
  }
}

async function shortcut(): Promise<string | null> {
  const commands = await browser.commands.getAll();
  return commands.find((c) => c.name === 'toggle-pinyin')?.shortcut || null;
}

/** The pinyin switch and everyday settings, for a page of the three sites. */
function PinyinPanel({ tabId }: { tabId: number }) {
  const [pinyin, setPinyin] = useState<PinyinState | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [keys, setKeys] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    sendToTab(tabId, 'pinyin/state', {}).then(setPinyin, () => setPinyin(null));
    loadSettings().then(setSettings, () => undefined);
    shortcut().then(setKeys, () => undefined);
  }, [tabId]);
  // The switch is in reach: have the page read its text ahead, so that switching on only builds the DOM.
  const pinyinOff = pinyin !== null && !pinyin.on;
  useEffect(() => {
    if (pinyinOff && settings) sendToTab(tabId, 'pinyin/prepare', { look: pinyinLook(settings) }).catch(() => undefined);
  }, [tabId, pinyinOff, settings]);
  if (!pinyin || !settings) return null;

  const run = async (on: boolean, drawWith: Settings = settings) => {
    setError(null);
    try {
      setPinyin(await sendToTab(tabId, 'pinyin/set', { on, look: pinyinLook(drawWith) }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  const change = async (patch: SettingsPatch) => {
    try {
      const saved = await saveSettings(patch);
      setSettings(saved);
      if (pinyin.on) await run(true, saved); // redraw with the new settings
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section class="pinyin" aria-label={t('optionsPinyin')}>
      <label class="switch">
        <input type="checkbox" role="switch" checked={pinyin.on} onChange={(e) => void run((e.currentTarget as HTMLInputElement).checked)} />
        <span>{settings.pinyinScope === 'page' ? t('pinyinSwitchPage') : t('pinyinSwitch')}</span>
      </label>
      <p class="meta">
        {pinyin.on ? <span data-testid="pinyin-words">{pinyin.words === 1 ? t('pinyinWordsOne') : t('pinyinWords', String(pinyin.words))}</span> : null}
        {keys ? <span>{t('pinyinShortcut', keys)}</span> : null}
      </p>
      {error ? (
        <p class="warn" role="alert">
          {error}
        </p>
      ) : null}
      <PinyinSettingsForm settings={settings} onChange={(p) => void change(p)} compact />
    </section>
  );
}

/** The switch for marking glossary terms in the article. */
function TermsSwitch({ tabId }: { tabId: number }) {
  const [terms, setTerms] = useState<TermsState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    sendToTab(tabId, 'terms/state', {}).then(setTerms, () => setTerms(null));
  }, [tabId]);
  if (!terms) return null;
  const run = async (on: boolean) => {
    setError(null);
    try {
      const state = await sendToTab(tabId, 'terms/set', { on });
      setTerms(state);
      // Remember the choice only when the page could follow it.
      if (state.on === on) await saveSettings({ glossaryMarking: on });
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section class="pinyin" aria-label={t('termsSwitch')}>
      <label class="switch">
        <input type="checkbox" role="switch" checked={terms.on} onChange={(e) => void run((e.currentTarget as HTMLInputElement).checked)} />
        <span>{t('termsSwitch')}</span>
      </label>
      {terms.on ? (
        <p class="meta" data-testid="terms-count">
          {terms.count === 1 ? t('termsCountOne') : t('termsCount', String(terms.count))}
        </p>
      ) : null}
      {error ? (
        <p class="warn" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

type TabName = 'page' | 'glossary';

function Popup() {
  const [view, setView] = useState<TabView>({ kind: 'loading' });
  const [stats, setStats] = useState<LibraryStats | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [tab, setTab] = useState<TabName>('page');

  const refreshStats = () =>
    sendToBackground('library/stats', {})
      .then(setStats)
      .catch(() => setStats(null));
  useEffect(() => {
    void loadView().then(setView);
    void refreshStats();
  }, []);

  const save = async () => {
    if (view.kind !== 'page' && view.kind !== 'no-script') return;
    setBusy(true);
    setMessage(null);
    try {
      const state = view.kind === 'page' ? await sendToTab(view.tabId, 'page/save', {}) : await saveOtherSite(view.tabId, view.url);
      if (state) setView({ kind: 'page', tabId: view.tabId, state });
      else setMessage(t('permissionDenied'));
      await refreshStats();
    } catch (err) {
      setMessage(t('errorPrefix', errorText(err)));
    } finally {
      setBusy(false);
    }
  };

  const canSave = (view.kind === 'page' && view.state.kind !== 'pending') || (view.kind === 'no-script' && /^https?:/.test(view.url));
  const articleUrl = view.kind === 'page' && view.state.kind === 'detected' ? view.state.article.url : null;
  const tabs: { id: TabName; label: string }[] = [
    { id: 'page', label: t('tabThisPage') },
    { id: 'glossary', label: t('tabGlossary') },
  ];
  return (
    <>
      <header>
        <Brand />
        <span class="muted" data-testid="library-count">
          {stats ? (stats.articles === 1 ? t('libraryCountOne') : t('libraryCount', String(stats.articles))) : ''}
        </span>
      </header>
      <TabList tabs={tabs} current={tab} onChoose={setTab} />
      {tab === 'page' ? (
        <div role="tabpanel" id="panel-page" aria-labelledby="tab-page">
          <section aria-labelledby="this-page">
            <h2 id="this-page">{t('thisPage')}</h2>
            {view.kind === 'loading' ? <p class="muted">{t('loading')}</p> : null}
            {view.kind === 'no-tab' ? <p>{t('noTab')}</p> : null}
            {view.kind === 'no-script' ? <p>{t('otherSite')}</p> : null}
            {view.kind === 'page' ? <PageCard state={view.state} /> : null}
            {message ? (
              <p class="warn" role="alert">
                {message}
              </p>
            ) : null}
          </section>
          {view.kind === 'page' ? <PinyinPanel tabId={view.tabId} /> : null}
          {view.kind === 'page' && view.state.kind === 'detected' ? <TermsSwitch tabId={view.tabId} /> : null}
          <footer>
            {canSave ? (
              <button type="button" class="primary" onClick={save} disabled={busy} data-testid="save-page">
                {busy ? t('savingPage') : t('savePage')}
              </button>
            ) : null}
            <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('library.html') })}>
              {t('openLibrary')}
            </button>
            <ReviewButton />
            <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('openOptions')}
            </button>
          </footer>
        </div>
      ) : (
        <div role="tabpanel" id="panel-glossary" aria-labelledby="tab-glossary">
          <GlossaryTab articleUrl={articleUrl} />
        </div>
      )}
    </>
  );
}

mountPage(<Popup />);
