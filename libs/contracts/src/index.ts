export * from './errors/error-code';
export * from './errors/platform-error';
export * from './health/service-health';
export * from './subjects/service-name';
export * from './subjects/subject';
