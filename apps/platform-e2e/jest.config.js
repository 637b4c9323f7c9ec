const preset = require('../../jest.preset');

/** @type {import('jest').Config} */
module.exports = { ...preset, displayName: 'e2e', testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'] };
