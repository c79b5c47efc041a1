// The page's filter as the API and the CSV export take it: empty fields are left out.

export interface AuditFilterForm {
  action: string;
  actorUserId: string;
  from: string;
  to: string;
  search: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterForm = { action: '', actorUserId: '', from: '', to: '', search: '' };

export function auditFilterVariables(form: AuditFilterForm): Record<string, string> {
  return Object.fromEntries(
    Object.entries(form)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([, v]) => v !== ''),
  );
}

/** GET /audit.csv with the same filter (the session cookie authorizes it). */
export function auditCsvHref(form: AuditFilterForm): string {
  const query = new URLSearchParams(auditFilterVariables(form)).toString();
  return query ? `/audit.csv?${query}` : '/audit.csv';
}
