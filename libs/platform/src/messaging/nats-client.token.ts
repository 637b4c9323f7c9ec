/** Injection token of the app's NATS ClientProxy. */
export const NATS_CLIENT = Symbol('NATS_CLIENT');
