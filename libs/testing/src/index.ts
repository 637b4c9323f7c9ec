export * from './nats-server';
export * from './test-stack';
export * from './tiny-gguf';
export * from './fake-kube-api/fake-kube-api.server';
export * from './openapi-sample';
