// A suspended seller can neither list nor sell.
import { schema, type Db } from '@leadex/db';
import { eq } from 'drizzle-orm';
import { DomainError } from '../shared/domain-error';

export async function assertSellerActive(db: Db, organizationId: string): Promise<void> {
  const [org] = await db.select({ suspended: schema.organizations.suspended }).from(schema.organizations).where(eq(schema.organizations.id, organizationId));
  assertSellerRowActive(org);
}

/** The same verdict on an organisation row the caller read itself (undefined: no such organisation). */
export function assertSellerRowActive(org: { suspended: boolean } | undefined): void {
  if (!org) throw new DomainError('NOT_OWNER', 'Unknown organization');
  if (org.suspended) throw new DomainError('SELLER_SUSPENDED', 'This seller is suspended and cannot list leads');
}
