const preset = require('../../jest.preset');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: require('./package.json').nx.name,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
