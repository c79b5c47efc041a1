CREATE INDEX "organizations_kind_quality_idx" ON "organizations" USING btree ("kind","quality_score","name");--> statement-breakpoint
CREATE INDEX "lead_batches_verdict_idx" ON "lead_batches" USING btree ("verdict_at") WHERE verdict_at is not null;--> statement-breakpoint
CREATE INDEX "verification_tasks_status_created_idx" ON "verification_tasks" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "purchases_purchased_at_idx" ON "purchases" USING btree ("purchased_at");--> statement-breakpoint
CREATE INDEX "disputes_opened_idx" ON "disputes" USING btree ("opened_at");