/** The Review page: study the cards due, add cards, statistics and settings, in one full tab. */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from '../../core/review/settings.ts';
import { t } from '../../platform/i18n.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import { mountPage } from '../../ui/mount.tsx';
import { AddPanel } from './add-panel.tsx';
import { SettingsPanel } from './settings-panel.tsx';
import { StatsPanel } from './stats-panel.tsx';
import { askQueue, Study, type Notice } from './study.tsx';
import { Brand } from '../../ui/brand.tsx';
import { TabList } from '../../ui/tab-list.tsx';

type TabName = 'study' | 'add' | 'stats' | 'settings';
const TABS: { id: TabName; key: string }[] = [
  { id: 'study', key: 'reviewTabStudy' },
  { id: 'add', key: 'reviewTabAdd' },
  { id: 'stats', key: 'reviewTabStats' },
  { id: 'settings', key: 'reviewTabSettings' },
];

function initialTab(): TabName {
  const h = location.hash.slice(1);
  return TABS.some((x) => x.id === h) ? (h as TabName) : 'study';
}

// Asked for before anything renders: the first card needs nothing else.
const firstQueue = initialTab() === 'study' ? askQueue(1) : undefined;
firstQueue?.catch(() => undefined);

function Review() {
  const [tab, setTab] = useState<TabName>(initialTab);
  const [settings, setSettings] = useState<ReviewSettings | null>(null);
  const [notice, setNotice] = useState<(Notice & { id: number }) | null>(null);
  // Bumped when cards change, so statistics and the session load again.
  const [version, setVersion] = useState(0);
  const [studyKey, setStudyKey] = useState(0);

  useEffect(() => {
    sendToBackground('review/settings', {}).then(setSettings, () => setSettings(DEFAULT_REVIEW_SETTINGS));
  }, []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(timer);
  }, [notice?.id]);

  const choose = (id: TabName) => {
    setTab(id);
    history.replaceState(null, '', `#${id}`);
    // Cards added elsewhere in the page join the session when it is opened again.
    if (id === 'study' && tab !== 'study') setStudyKey((k) => k + 1);
  };
  const onNotice = (n: Notice) => setNotice({ ...n, id: Date.now() + Math.random() });
  const changed = () => setVersion((v) => v + 1);

  return (
    <>
      <header class="review-header">
        <Brand sub={t('reviewHeading')} />
        <a href="library.html#vocabulary">{t('reviewLibrary')}</a>
      </header>
      <TabList tabs={TABS.map((x) => ({ id: x.id, label: t(x.key) }))} current={tab} onChoose={choose} label={t('reviewHeading')} class="review-tabs" />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="card tabpanel">
        {tab === 'study' ? (
          <Study key={studyKey} settings={settings ?? DEFAULT_REVIEW_SETTINGS} active={tab === 'study'} firstQueue={studyKey === 0 ? firstQueue : undefined} onNotice={onNotice} onChanged={changed} />
        ) : null}
        {tab === 'add' ? <AddPanel onNotice={onNotice} onChanged={changed} /> : null}
        {tab === 'stats' ? <StatsPanel version={version} /> : null}
        {settings && tab === 'settings' ? <SettingsPanel settings={settings} onSaved={setSettings} onNotice={onNotice} /> : null}
      </div>
      <div class="toast-host" role="status" aria-live="polite">
        {notice ? (
          <div class="toast" data-testid="toast">
            <span>{notice.message}</span>
            {notice.action ? (
              <button
                type="button"
                onClick={() => {
                  notice.action?.run();
                  setNotice(null);
                }}
              >
                {notice.action.label}
              </button>
            ) : null}
            <button type="button" class="toast-close" aria-label={t('libDismiss')} onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        ) : null}
      </div>
    </>
  );
}

mountPage(<Review />, 'reviewTitle');
