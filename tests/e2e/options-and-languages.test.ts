/** The right-click save behind its optional permission, and the interface in Chinese. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import { tabIdOf } from '../../scripts/browser.ts';
import { ARTIFACTS, findPage, openBrowser, openPopup, waitForStored } from './context.ts';

describe('saving a selection from the context menu', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('asks for the permission only when turned on, then saves the selected word with its sentence', async () => {
    const has = () => b.worker.evaluate(() => chrome.permissions.contains({ permissions: ['contextMenus'] }));
    expect(await has()).toBe(false);
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    const box = options.getByLabel(/right-click menu/);
    await expect.poll(() => box.isChecked()).toBe(false);
    await box.check();
    await expect.poll(() => has()).toBe(true);
    await options.screenshot({ path: join(ARTIFACTS, 'options-full.png'), fullPage: true });

    const demo = findPage((p) => p.seed === '002' && p.layout === 'guancha-www-s', 'seed 002 on www.guancha.cn');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    const stored = await waitForStored(b, demo.url);
    // Term marking rewrites text nodes once the article is saved: select after it, as a reader would.
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('span.jiedu-term').length)).toBeGreaterThan(0);
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('.content.all-txt p')].find((x) => x.textContent!.includes('战略伙伴'))!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf('战略伙伴');
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 4);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(r);
          return;
        }
      }
    });
    const tabId = await tabIdOf(b.worker, page.url());
    const saved = (await b.worker.evaluate(
      ({ id }) => (globalThis as unknown as { jieduContextMenu: { onClicked(i: unknown, t: number): Promise<unknown> } }).jieduContextMenu.onClicked({ menuItemId: 'jiedu-save-selection', selectionText: '战略伙伴' }, id),
      { id: tabId },
    )) as { record: { simplified: string; pinyin: string; contexts: { sentence: string; articleUrl: string }[] } };
    expect(saved.record.simplified).toBe('战略伙伴');
    expect(saved.record.pinyin).toBe('zhàn lüè huǒ bàn');
    expect(saved.record.contexts[0]?.articleUrl).toBe(stored.url);
    expect(saved.record.contexts[0]?.sentence).toBe('王毅表示，中方视土方为真正可靠的战略伙伴。');

    await box.uncheck();
    await expect.poll(() => has()).toBe(false);
    await Promise.all([page.close(), options.close()]);
  });
});

describe('the interface in Chinese', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await openBrowser({}, 'zh-CN');
  });
  afterAll(async () => {
    await b?.close();
  });

  it('shows the popup and the options in Chinese', async () => {
    const demo = findPage((p) => p.seed === '004' && p.layout === 'zaobao-sg-2024', 'seed 004 on zaobao.com.sg');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    const popup = await openPopup(b, page);
    await expect.poll(() => popup.getByTestId('save-status').textContent()).toBe('已存入文章库');
    expect(await popup.getByRole('tab', { name: '本页' }).count()).toBe(1);
    expect(await popup.getByRole('tab', { name: '术语表' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: '保存本页' }).count()).toBe(1);
    expect(await popup.getByTestId('article-site').textContent()).toBe('联合早报');
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-zh.png') });
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await expect.poll(() => options.locator('h1').textContent()).toBe('解读 · 设置');
    await options.screenshot({ path: join(ARTIFACTS, 'options-zh.png'), fullPage: true });
    await Promise.all([popup.close(), page.close(), options.close()]);
  });
});
