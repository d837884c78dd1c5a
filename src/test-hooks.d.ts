/**
 * Set by the build (scripts/build.ts): true in development and bench builds, false in what
 * `npm run build:prod` and `npm run package` make, so the hooks the browser tests and the
 * bench reach (jieduBench, jieduCommands, jieduBegan …) never ship. Undefined
 * outside a build (unit tests), which counts as off.
 */
declare const __JIEDU_TEST_HOOKS__: boolean | undefined;
