export * from './nats-server';
export * from './test-stack';
