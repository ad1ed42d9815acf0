// The API benchmarks' shared client (the real server, sessions, fetch), for the other benchmarks too.
export * from './api-client.js';
