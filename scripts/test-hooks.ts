/**
 * The names of the hooks test builds add for the browser tests and the bench (behind the build
 * constant __JIEDU_TEST_HOOKS__, src/test-hooks.d.ts), which a production build must not hold:
 * `npm run package` refuses a build that does, and a conformance test checks content.js.
 */
export const TEST_HOOKS = ['jieduBench', 'jieduCommands', 'jieduDictionary', 'jieduContextMenu', 'jieduBegan', 'jieduAnkiTestUrl'] as const;

export const TEST_HOOK_PATTERN = new RegExp(TEST_HOOKS.join('|'));
