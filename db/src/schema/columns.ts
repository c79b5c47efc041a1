// Shared column helpers: ids are `<prefix>_<ulid>` text, money is bigint minor units.
import { bigint, text, timestamp } from 'drizzle-orm/pg-core';

export const id = () => text('id').primaryKey();
export const money = (name: string) => bigint(name, { mode: 'number' });
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
