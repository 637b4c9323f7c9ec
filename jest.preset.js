// Shared jest settings: swc compiles TypeScript (and the ESM-only NestJS 12 packages) to
// CommonJS with decorator metadata, and workspace libs resolve to their sources so no build
// is needed before unit tests.
const path = require('node:path');

const libs = path.join(__dirname, 'libs');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [
    // ml-kmeans and its ml-* helpers ship as ESM only.
    '/node_modules/(?!(@nestjs|@nats-io|file-type|load-esm|uid|strtok3|token-types|@tokenizer|jose|ml-kmeans|ml-distance-euclidean|ml-nearest-vector|ml-spectra-processing|ml-array-max|ml-array-min|ml-array-rescale|ml-matrix|ml-random|is-any-array)/)',
  ],
  moduleNameMapper: { '^@aip/([a-z-]+)$': `${libs}/$1/src/index.ts` },
  modulePathIgnorePatterns: ['/dist/'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
