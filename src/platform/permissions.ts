import browser from 'webextension-polyfill';

const MENU = { permissions: ['contextMenus'] } as unknown as browser.Permissions.Permissions;

/** The context-menu permission, or null where the build does not offer it (Firefox does not grant it on request). */
export function menuPermission(): browser.Permissions.Permissions | null {
  const optional = (browser.runtime.getManifest().optional_permissions ?? []) as string[];
  return optional.includes('contextMenus') ? MENU : null;
}
