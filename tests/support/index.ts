export { newOrg, newPerson, TEST_PASSWORD, testRegistry } from './builders';
export { signIn, startTestApp } from './test-app';
export type { Client, TestApp } from './test-app';
export { createEmptyTestDatabase, createTestDatabase, testDriver } from './test-db';
export type { TestDatabase } from './test-db';
export { operationsOf, sampleQuery, sampleValue } from './openapi-sample';
export type { JsonSchema, Operation, SampleContext } from './openapi-sample';
export { countStatements } from '#core/db';
export type { StatementCounter } from '#core/db';
