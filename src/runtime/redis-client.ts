/**
 * The Redis client module, loaded on first use by RedisSessionStore (so servers without Redis
 * never load it; a module of our own so the CLI bundle can load it like its other lazy parts).
 */
export { createClient } from 'redis';
