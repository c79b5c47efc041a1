// `expand[]=payment_intent.latest_charge`: ids in a response replaced by the objects they name.
import { embeddedList } from './list-pages';
import { invalidParam } from './stripe-errors';
import { snapshot, type StandinContext } from './standin-state';
import { viewTransfer } from './transfers';

const MAX_DEPTH = 4;

function objectById(ctx: StandinContext, id: string): object | undefined {
  const { state } = ctx;
  const [prefix] = id.split('_', 1);
  switch (prefix) {
    case 'pi':
      return state.paymentIntents.get(id);
    case 'ch':
      return state.charges.get(id);
    case 'cus':
      return state.customers.get(id);
    case 'acct':
      return state.accounts.get(id);
    case 're':
      return state.refunds.get(id);
    case 'trr':
      return state.transferReversals.get(id);
    case 'txn':
      return state.balanceTransactions.get(id);
    case 'cs':
      return state.checkoutSessions.get(id)?.session;
    case 'tr': {
      const transfer = state.transfers.get(id);
      return transfer && viewTransfer(ctx, transfer);
    }
    default:
      return undefined;
  }
}

function expandPath(ctx: StandinContext, target: Record<string, unknown>, segments: string[], full: string): void {
  const [field, ...rest] = segments;
  if (!field) return;
  if (target.object === 'list' && field === 'data' && Array.isArray(target.data)) {
    for (const item of target.data) expandPath(ctx, item as Record<string, unknown>, rest, full);
    return;
  }
  const value = target[field];
  if (value === null) return; // Stripe leaves a null reference null
  let expanded: unknown;
  if (target.object === 'checkout.session' && field === 'line_items') {
    const record = ctx.state.checkoutSessions.get(target.id as string);
    expanded = record && embeddedList(record.lineItems, `/v1/checkout/sessions/${record.session.id}/line_items`);
  } else if (typeof value === 'string') {
    expanded = objectById(ctx, value);
  } else if (value && typeof value === 'object' && 'object' in value) {
    expanded = value; // expanded by an earlier path, e.g. `payment_intent` before `payment_intent.latest_charge`
  }
  if (!expanded || typeof expanded !== 'object') throw invalidParam('expand', `This property cannot be expanded (${full}).`);
  target[field] = expanded === value ? value : snapshot(expanded);
  expandPath(ctx, target[field] as Record<string, unknown>, rest, full);
}

export function expandFields(ctx: StandinContext, body: object, paths: string[]): object {
  if (paths.length === 0) return body;
  const copy = snapshot(body) as Record<string, unknown>;
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > MAX_DEPTH) throw invalidParam('expand', `You cannot expand more than ${MAX_DEPTH} levels of a property (${path}).`);
    expandPath(ctx, copy, segments, path);
  }
  return copy;
}
