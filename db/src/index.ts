// @leadex/db: schema, client factory, migrations and seed data.
export * from './client';
export * from './migrate';
export * as schema from './schema/index';
export { seedReferenceData } from './seed/reference-data';
// query operators re-exported so every package uses this package's one copy of drizzle-orm
export { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, or } from 'drizzle-orm';
export * from './schema/statuses';
export { NOTIFICATION_EVENTS, NOTIFICATION_EMAIL_STATUSES, type NotificationEvent, type NotificationEmailStatus } from './schema/notifications';
export { RETURN_REMEDIES, type ReturnRemedy, type ReturnAutoAcceptRule } from './schema/returns';
export { ACCOUNT_TOKEN_KINDS, type AccountTokenKind } from './schema/account-tokens';
export { MEMBER_ROLES, type MemberRole } from './schema/accounts';
