// Reading an order with its lines: the buyer who placed it, or an operator.
import { schema } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../context';
import { requireActor, type Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';

export type OrderRow = typeof schema.orders.$inferSelect;
export type OrderView = OrderRow & { lines: { lead: typeof schema.leads.$inferSelect; price: number }[] };

export async function loadOrder(deps: AppDeps, actor: Actor | null, id: string): Promise<OrderView> {
  const a = requireActor(actor);
  const [order] = await deps.db.select().from(schema.orders).where(eq(schema.orders.id, id));
  if (!order || (a.role !== 'OPERATOR' && order.buyerOrgId !== a.organizationId)) throw new DomainError('ORDER_NOT_FOUND', 'No such order');
  const lines = await deps.db
    .select({ lead: schema.leads, price: schema.orderLines.price })
    .from(schema.orderLines)
    .innerJoin(schema.leads, eq(schema.leads.id, schema.orderLines.leadId))
    .where(eq(schema.orderLines.orderId, id))
    .orderBy(schema.leads.id);
  return { ...order, lines };
}
