/** The library: saved articles, saved words and the glossary, in one full tab, with exports and the backup. */
import { useEffect, useState } from 'preact/hooks';
import type { LibraryStats } from '../../messaging/protocol.ts';
import { t } from '../../platform/i18n.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import { ArticlesPanel } from './articles.tsx';
import { BackupPanel } from './backup.tsx';
import { GlossaryPanel } from './glossary.tsx';
import { Toast, type ToastState } from './toast.tsx';
import { VocabularyPanel } from './vocabulary.tsx';
import { mountPage } from '../../ui/mount.tsx';
import { Brand } from '../../ui/brand.tsx';
import { TabList } from '../../ui/tab-list.tsx';

type TabName = 'articles' | 'vocabulary' | 'glossary';
const TABS: { id: TabName; key: string }[] = [
  { id: 'articles', key: 'libTabArticles' },
  { id: 'vocabulary', key: 'libTabVocabulary' },
  { id: 'glossary', key: 'libTabGlossary' },
];

/** `#read=<article URL>` (the review page's link to where a word was met) opens that article's reading view. */
const READ_PREFIX = 'read=';
const initialReading = location.hash.startsWith(`#${READ_PREFIX}`) ? decodeURIComponent(location.hash.slice(1 + READ_PREFIX.length)) : null;
// Once opened, the address is the list's, so that a reload after Back shows the list.
if (initialReading !== null) history.replaceState(null, '', '#articles');

function initialTab(): TabName {
  const h = location.hash.slice(1);
  return TABS.some((x) => x.id === h) ? (h as TabName) : 'articles';
}

function Library() {
  const [tab, setTab] = useState<TabName>(initialTab);
  const [stats, setStats] = useState<LibraryStats | null>(null);
  // Bumped when data changes under every tab (an import), so lists load again.
  const [dataVersion, setDataVersion] = useState(0);
  const [toast, setToast] = useState<ToastState | null>(null);

  const refreshStats = () => void sendToBackground('library/stats', {}).then(setStats, () => undefined);
  useEffect(refreshStats, [dataVersion]);

  const choose = (id: TabName) => {
    setTab(id);
    history.replaceState(null, '', `#${id}`);
  };
  const showToast = (x: Omit<ToastState, 'id'>) => setToast({ ...x, id: Date.now() + Math.random() });

  return (
    <>
      <header class="lib-header">
        <Brand sub={t('libHeading')} />
        <span class="muted" data-testid="lib-stats">
          {stats ? t('libStats', stats.articles.toLocaleString(), stats.vocabulary.toLocaleString()) : ''}
        </span>
        <a href="review.html">{t('reviewOpen')}</a>
        <a href="about.html" class="about-link">
          {t('libAbout')}
        </a>
      </header>
      <TabList tabs={TABS.map((x) => ({ id: x.id, label: t(x.key) }))} current={tab} onChoose={choose} label={t('libraryTitle')} class="lib-tabs" />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="card tabpanel">
        {tab === 'articles' ? <ArticlesPanel initialReading={initialReading} dataVersion={dataVersion} onChanged={refreshStats} showToast={showToast} /> : null}
        {tab === 'vocabulary' ? <VocabularyPanel dataVersion={dataVersion} onChanged={refreshStats} showToast={showToast} /> : null}
        {tab === 'glossary' ? <GlossaryPanel /> : null}
      </div>
      <BackupPanel onImported={() => setDataVersion((v) => v + 1)} />
      <Toast toast={toast} onClose={() => setToast(null)} />
    </>
  );
}

mountPage(<Library />, 'libraryTitle');
