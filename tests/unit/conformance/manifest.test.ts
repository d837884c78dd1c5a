import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../../../scripts/build.ts';

const source = JSON.parse(readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8'));
/** The fields these tests read; the variants are plain JSON. */
interface ManifestShape {
  background: unknown;
  browser_specific_settings: { gecko: { id: string; data_collection_permissions: unknown } };
  firefox?: unknown;
  version: string;
  permissions: string[];
  optional_permissions: string[];
  host_permissions: string[];
  content_scripts: { matches: string[] }[];
  [key: string]: unknown;
}
const HOSTS = /^\*:\/\/(\*\.)?(guancha\.cn|zaobao\.com|zaobao\.com\.sg|news\.cn|xinhuanet\.com)\/\*$/;

describe('manifest variants', () => {
  const chrome = manifestFor(source, 'chrome', '1.2.3') as ManifestShape;
  const firefox = manifestFor(source, 'firefox', '1.2.3') as ManifestShape;

  it('gives Chrome a module service worker and no Firefox keys', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(chrome.firefox).toBeUndefined();
    expect(chrome.version).toBe('1.2.3');
  });

  it('gives Firefox background scripts, an add-on id and data collection permissions', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'], type: 'module' });
    expect(firefox.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(firefox.optional_permissions).not.toContain('contextMenus');
    expect(chrome.optional_permissions).toContain('contextMenus');
  });

  it('asks for no host beyond the three sites, and for nothing else up front but storage (no warning shown)', () => {
    for (const m of [chrome, firefox]) {
      expect(m.host_permissions.length).toBeGreaterThan(0);
      for (const h of m.host_permissions) expect(h).toMatch(HOSTS);
      for (const cs of m.content_scripts) for (const h of cs.matches) expect(h).toMatch(HOSTS);
      // storage: the page notes that its reader uses pinyin without waking the background.
      // activeTab: the tab's address when the reader opens the popup on it (no install warning), for Save this page elsewhere.
      expect(m.permissions).toEqual(['storage', 'activeTab']);
    }
  });
});
