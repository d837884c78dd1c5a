/**
 * The card's closed shadow root, reached as an extension reaches a closed root: Chromium's
 * chrome.dom.openOrClosedShadowRoot(), Firefox's Element.openOrClosedShadowRoot (each offered to an
 * extension's own scripts and pages only, never to the site's). Source text of an expression for the
 * content script's world or an extension page; null when there is no card.
 */
export const CARD_ROOT = `((host) => host && (globalThis.chrome?.dom?.openOrClosedShadowRoot?.(host) ?? host.openOrClosedShadowRoot ?? null))(document.querySelector('jiedu-card'))`;
