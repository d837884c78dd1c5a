/** The popup's way into review, with how many cards are due today. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../platform/i18n.ts';
import { sendToBackground } from '../messaging/ports.ts';

export function ReviewButton() {
  const [due, setDue] = useState<number | null>(null);
  useEffect(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    sendToBackground('review/count', { timeZone }).then(
      (c) => setDue(c.total),
      () => setDue(null),
    );
  }, []);
  return (
    <button type="button" data-testid="review-due" data-due={due ?? ''} onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('review.html') })}>
      {due === null ? t('reviewOpen') : t('reviewOpenDue', due)}
    </button>
  );
}
