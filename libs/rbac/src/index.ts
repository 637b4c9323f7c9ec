export * from './access.decorators';
export * from './permissions';
