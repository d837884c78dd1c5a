/**
 * The card's own styles, inside its shadow root: `:host { all: initial !important }` wins over
 * any page rule, and light-dark() follows the reader's theme (or the system's).
 */
export const CARD_CSS = `
:host {
  all: initial !important; position: fixed !important; z-index: 2147483647 !important; display: block !important;
  left: var(--jiedu-x, 8px) !important; top: var(--jiedu-y, 8px) !important; margin: 0 !important; transform: none !important;
}
:host([hidden]) { display: none !important; }
.card {
  --ink: light-dark(#1d2327, #e4e7ea); --muted: light-dark(#5b6770, #a4aeb6); --line: light-dark(#c9d0d5, #4a535b);
  --rule: light-dark(#e6e9ec, #353c43); --paper: light-dark(#ffffff, #1f2428); --accent: light-dark(#b3261e, #f28b82);
  --accent-ink: light-dark(#ffffff, #1b1f23); --ok: light-dark(#1b7f3b, #6fcf8e); --focus: light-dark(#1b5e9f, #8ab4f8);
  --mark: light-dark(#fde7c3, #5c4b12);
  color-scheme: light dark;
  all: initial; box-sizing: border-box; display: block; width: min(360px, calc(100vw - 16px)); max-height: var(--jiedu-max-h, min(440px, calc(100vh - 16px))); overflow: auto;
  background: var(--paper); color: var(--ink); border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.28);
  font: 14px/1.5 system-ui, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; padding: 12px 14px 0;
}
:host([data-theme=light]) .card { color-scheme: light; }
:host([data-theme=dark]) .card { color-scheme: dark; }
.card * { box-sizing: border-box; color: inherit; font: inherit; text-decoration: none; text-shadow: none; letter-spacing: normal; }
.head { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; margin: 0 0 2px; }
.word { font-size: 22px; font-weight: 600; color: var(--ink); }
.trad { color: var(--muted); font-size: 15px; }
.pinyin { color: var(--accent); font-size: 15px; }
.english { font-weight: 600; margin: 4px 0; display: block; }
.alt, .muted { color: var(--muted); font-size: 12px; display: block; }
.explain { margin: 6px 0; display: block; }
.chip { display: inline-block; font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 999px; padding: 0 8px; }
.section { border-top: 1px solid var(--rule); margin-top: 8px; padding-top: 8px; display: block; }
.section-title { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); display: block; margin-bottom: 4px; }
.cite { display: block; margin: 4px 0; font-size: 13px; }
a.cite { text-decoration: underline; color: var(--focus); }
.cite-title { color: var(--muted); font-size: 12px; display: block; }
mark { background: var(--mark); color: inherit; padding: 0 1px; border-radius: 2px; }
ol { margin: 0; padding-left: 18px; display: block; }
li { display: list-item; margin: 2px 0; }
.match + .match { border-top: 1px solid var(--rule); margin-top: 8px; padding-top: 8px; }
.match { display: block; }
.reading { display: block; margin-top: 6px; }
.reading .head .chip { font-size: 11px; }
details.reading { display: block; }
summary.head { cursor: pointer; list-style: none; border-radius: 4px; }
summary.head::-webkit-details-marker { display: none; }
summary.head::before { content: "▸"; color: var(--muted); width: 10px; }
details[open] > summary.head::before { content: "▾"; }
summary.head:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.gist { color: var(--muted); font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 220px; }
li.quiet { color: var(--muted); font-size: 12px; }
.badge { background: var(--accent); color: var(--accent-ink); border-radius: 4px; font-size: 11px; padding: 0 6px; }
.actions { display: flex; gap: 8px; margin-top: 10px; flex-wrap: wrap; }
/* The card's own actions stay in view at its bottom edge while its body scrolls. */
.actions.sticky { position: sticky; bottom: 0; background: var(--paper); padding: 8px 0 12px; margin-top: 6px; border-top: 1px solid var(--rule); }
button {
  cursor: pointer; border: 1px solid var(--line); background: var(--paper); color: var(--ink); border-radius: 6px; padding: 4px 10px; font-size: 13px; line-height: 1.4;
}
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
button.link { border: none; background: none; padding: 0; color: var(--focus); text-decoration: underline; font-size: 12px; }
button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
button:disabled { opacity: .6; cursor: default; }
.status { color: var(--ok); font-size: 12px; display: block; min-height: 1em; }
.status:empty { display: none; }
.actions .status { flex-basis: 100%; }
`;
