/** Longest collection name (COLLECTION_NAME in @aip/contracts). */
export const MAX_COLLECTION_NAME_CHARS = 64;
/** How often a running reindex renews the lock that holds back ingestion into its collection. */
export const GATE_RENEW_MS = 10_000;
