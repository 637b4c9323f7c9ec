export * from './nats-server';
export * from './test-stack';
export * from './tiny-gguf';
