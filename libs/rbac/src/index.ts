export * from './access.decorators';
export * from './api-keys/api-key-record';
export * from './api-keys/api-key-secret';
export * from './jwt/jwt-verifier';
export * from './permissions';
export * from './principal';
export * from './role-mapping';
export * from './tenant/tenant-scope';
