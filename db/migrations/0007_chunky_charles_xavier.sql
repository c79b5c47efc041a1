DROP INDEX "leads_seller_idx";--> statement-breakpoint
DROP INDEX "leads_listed_newest_idx";--> statement-breakpoint
DROP INDEX "leads_listed_score_idx";--> statement-breakpoint
DROP INDEX "leads_listed_segment_newest_idx";--> statement-breakpoint
CREATE INDEX "leads_listed_segment_expiry_idx" ON "leads" USING btree ("segment","expires_at","seller_org_id") WHERE status = 'LISTED';--> statement-breakpoint
CREATE INDEX "leads_seller_idx" ON "leads" USING btree ("seller_org_id","captured_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "leads_listed_newest_idx" ON "leads" USING btree ("captured_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status = 'LISTED';--> statement-breakpoint
CREATE INDEX "leads_listed_score_idx" ON "leads" USING btree ("score" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status = 'LISTED';--> statement-breakpoint
CREATE INDEX "leads_listed_segment_newest_idx" ON "leads" USING btree ("segment","captured_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status = 'LISTED';