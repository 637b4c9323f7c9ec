const preset = require('../../jest.preset');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'e2e',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/response-conformance/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/src/response-conformance/check-every-response.ts'],
};
