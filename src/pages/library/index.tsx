/** The library: every saved article, newest first, with delete and undo. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { StoredArticle } from '../../core/article.ts';
import { formatDate, siteName, t } from '../../platform/i18n.ts';
import { sendToBackground } from '../../platform/messaging.ts';

const PAGE = 1000;

function Library() {
  const [articles, setArticles] = useState<StoredArticle[] | null>(null);
  const [undo, setUndo] = useState<StoredArticle | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () => sendToBackground('article/list', { limit: PAGE, offset: 0 }).then(setArticles, (e: Error) => setError(e.message));
  useEffect(() => void load(), []);

  const remove = async (a: StoredArticle) => {
    await sendToBackground('article/delete', { url: a.url });
    setUndo(a);
    await load();
  };
  const restore = async () => {
    if (!undo) return;
    const { id: _id, firstSavedAt: _f, lastSavedAt: _l, ...record } = undo;
    await sendToBackground('article/save', { article: record, trigger: 'manual' });
    setUndo(null);
    await load();
  };

  return (
    <>
      <header>
        <h1 class="brand"><span>{t('libraryTitle')}</span></h1>
      </header>
      <div class="card">
        <h2>{t('libraryArticles')}</h2>
        {error ? <p class="warn" role="alert">{t('errorPrefix', error)}</p> : null}
        {articles === null ? <p class="muted">{t('loading')}</p> : null}
        {articles && articles.length === 0 ? <p class="muted">{t('libraryEmpty')}</p> : null}
        {articles && articles.length > 0 ? (
          <table>
            <thead>
              <tr><th scope="col">{t('titleColumn')}</th><th scope="col">{t('siteColumn')}</th><th scope="col">{t('publishedColumn')}</th><th scope="col">{t('firstSavedColumn')}</th><th /></tr>
            </thead>
            <tbody>
              {articles.map((a) => (
                <tr key={a.url}>
                  <td class="title" lang="zh-Hans"><a href={a.url} target="_blank" rel="noreferrer">{a.title}</a></td>
                  <td>{siteName(a.site)}</td>
                  <td>{formatDate(a.publishedAt)}</td>
                  <td>{formatDate(a.firstSavedAt)}</td>
                  <td><button type="button" aria-label={t('deleteArticle', a.title)} onClick={() => void remove(a)}>{t('delete')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      {undo ? (
        <div class="toast" role="status">
          <span>{t('deleted', undo.title)}</span>
          <button type="button" onClick={() => void restore()}>{t('undo')}</button>
        </div>
      ) : null}
    </>
  );
}

const root = document.getElementById('app');
if (root) {
  document.title = t('libraryTitle');
  document.documentElement.lang = browser.i18n.getUILanguage();
  render(<Library />, root);
}
