// The money path's two transactions — reserve, then pay — written by hand in SQL, as the baseline for
// bench/purchase: the same locks, rows and ledger entry, without the domain layer around them.
import { queryRows, sql, type Db } from '../../db/src/index';
import { newId } from '@leadex/core/domain/shared/ids';

export async function rawReserveAndPay(db: Db, buyerOrgId: string, leadIds: string[]): Promise<'ok' | 'conflict'> {
  const ids = [...leadIds].sort();
  const orderId = newId('ord');
  const reserved = await db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; price: string; free: boolean }>(
      tx,
      sql`select id, price::text, (status = 'LISTED' and sales_count + reserved_count < max_sales) as free from leads where id in ${ids} order by id for update`,
    );
    const held = await queryRows<{ lead_id: string }>(
      tx,
      sql`select lead_id from order_lines where buyer_org_id = ${buyerOrgId} and active and lead_id in ${ids}`,
    );
    if (rows.length !== ids.length || rows.some((r) => !r.free) || held.length) return null;
    const total = rows.reduce((s, r) => s + Number(r.price), 0);
    await tx.execute(
      sql`insert into orders (id, buyer_org_id, status, total, currency, expires_at) values (${orderId}, ${buyerOrgId}, 'RESERVED', ${total}, 'USD', now() + interval '15 minutes')`,
    );
    for (const r of rows)
      await tx.execute(sql`insert into order_lines (order_id, lead_id, buyer_org_id, price) values (${orderId}, ${r.id}, ${buyerOrgId}, ${Number(r.price)})`);
    await tx.execute(sql`update leads set reserved_count = reserved_count + 1 where id in ${ids}`);
    return { total, rows };
  });
  if (!reserved) return 'conflict';
  await db.transaction(async (tx) => {
    await tx.execute(sql`select id from orders where id = ${orderId} for update`);
    await tx.execute(sql`update leads set reserved_count = reserved_count - 1, sales_count = sales_count + 1,
                           status = case when sales_count + 1 >= max_sales then 'SOLD_OUT' else status end where id in ${ids}`);
    for (const r of reserved.rows) {
      const price = Number(r.price);
      const commission = Math.round(price * 0.2);
      await tx.execute(sql`insert into purchases (id, order_id, lead_id, buyer_org_id, seller_org_id, price, commission, seller_net, currency, purchased_at)
                           select ${newId('pur')}, ${orderId}, id, ${buyerOrgId}, seller_org_id, ${price}, ${commission}, ${price - commission}, 'USD', now() from leads where id = ${r.id}`);
    }
    const jrn = newId('jrn');
    await tx.execute(
      sql`insert into ledger_transactions (id, event_key, kind, occurred_at) values (${jrn}, ${`raw-payment:${orderId}`}, 'RAW_PAYMENT', now())`,
    );
    await tx.execute(sql`insert into ledger_postings (id, transaction_id, account, amount, currency) values
                           (${newId('jrn')}, ${jrn}, 'raw:stripe_balance', ${reserved.total}, 'USD'), (${newId('jrn')}, ${jrn}, 'raw:escrow', ${-reserved.total}, 'USD')`);
    await tx.execute(sql`update orders set status = 'PAID', paid_at = now() where id = ${orderId}`);
  });
  return 'ok';
}
