// One shape for every entity with a status: which status may follow which, and who may move it there.
// Each entity's table lives in its own `<entity>.lifecycle.ts` beside the code that writes it; every writer
// asks its table first (or, for a set-based UPDATE, takes `fromStatuses` into its WHERE clause), so a
// disallowed change is a DomainError and never a silent no-op.
import { DomainError, type DomainErrorCode } from './domain-error';

/** Who causes a change: a signed-in user by role, or the platform itself (workers, webhooks, schedules). */
export type TransitionActor = 'SELLER' | 'BUYER' | 'OPERATOR' | 'SYSTEM';

export interface Lifecycle<S extends string> {
  /** the entity's name in messages: "lead", "order", … */
  readonly entity: string;
  readonly statuses: readonly S[];
  /** from → to → who may make that move; a pair that is not listed is not allowed */
  readonly transitions: { readonly [From in S]?: { readonly [To in S]?: readonly TransitionActor[] } };
}

export function defineLifecycle<S extends string>(lifecycle: Lifecycle<S>): Lifecycle<S> {
  for (const [from, targets] of Object.entries(lifecycle.transitions) as [S, Record<string, unknown>][]) {
    if (!lifecycle.statuses.includes(from)) throw new Error(`${lifecycle.entity}: unknown status ${from}`);
    for (const to of Object.keys(targets)) {
      if (!lifecycle.statuses.includes(to as S)) throw new Error(`${lifecycle.entity}: unknown status ${to}`);
    }
  }
  return lifecycle;
}

export function canTransition<S extends string>(lifecycle: Lifecycle<S>, from: S, to: S, by: TransitionActor): boolean {
  return lifecycle.transitions[from]?.[to]?.includes(by) ?? false;
}

/** The statuses `by` may move to `to` from: the WHERE clause of a set-based UPDATE. */
export function fromStatuses<S extends string>(lifecycle: Lifecycle<S>, to: S, by: TransitionActor): S[] {
  return lifecycle.statuses.filter((from) => canTransition(lifecycle, from, to, by));
}

/** Statuses nothing leaves. */
export function isFinal<S extends string>(lifecycle: Lifecycle<S>, status: S): boolean {
  return Object.keys(lifecycle.transitions[status] ?? {}).length === 0;
}

/**
 * Throws TRANSITION_NOT_ALLOWED (or the caller's own code, where the API already names the refusal, e.g.
 * LEAD_NOT_WITHDRAWABLE) unless `by` may move the entity from `from` to `to`.
 */
export function assertTransition<S extends string>(
  lifecycle: Lifecycle<S>,
  from: S,
  to: S,
  by: TransitionActor,
  refusal: { code?: DomainErrorCode; message?: string } = {},
): void {
  if (canTransition(lifecycle, from, to, by)) return;
  throw new DomainError(refusal.code ?? 'TRANSITION_NOT_ALLOWED', refusal.message ?? `A ${from} ${lifecycle.entity} cannot become ${to}`);
}
