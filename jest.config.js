// `npm test` runs two jest projects: fast unit tests from every app and lib, then the
// end-to-end tests that boot the built apps as real processes.
const preset = require('./jest.preset');

/** @type {import('jest').Config} */
module.exports = {
  // Twice, with every unit test passed, a handle some spec left open kept the run alive for
  // good (two runs at once on this machine; not reproduced with --detectOpenHandles, which runs
  // in band). A run ends when its tests do.
  forceExit: true,
  projects: [
    {
      ...preset,
      displayName: 'unit',
      rootDir: __dirname,
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
      testMatch: ['**/src/**/*.spec.ts'],
    },
    {
      ...preset,
      displayName: 'e2e',
      rootDir: __dirname,
      roots: ['<rootDir>/apps/platform-e2e'],
      testMatch: ['**/src/**/*.e2e-spec.ts'],
      // Every gateway reply the tests see is checked against the OpenAPI document.
      globalSetup: '<rootDir>/apps/platform-e2e/src/response-conformance/global-setup.ts',
      setupFilesAfterEnv: [
        '<rootDir>/apps/platform-e2e/src/response-conformance/check-every-response.ts',
      ],
    },
  ],
};
