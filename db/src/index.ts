// @leadex/db: schema, client factory, migrations and seed data.
export * from './client';
export * from './migrate';
export * as schema from './schema/index';
export { seedReferenceData } from './seed/reference-data';
