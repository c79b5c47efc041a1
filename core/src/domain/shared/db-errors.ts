// Recognising the database errors a domain function turns into a DomainError (postgres-js and PGlite alike).

/** A unique violation (SQLSTATE 23505), on `constraint` when the driver names it; drizzle wraps the driver's error in `cause`. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint_name?: string; cause?: { code?: string; constraint_name?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  const name = e.constraint_name ?? e.cause?.constraint_name ?? e.cause?.constraint;
  return code === '23505' && (!name || name === constraint);
}
