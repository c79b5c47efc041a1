CREATE TABLE "verification_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"batch_id" text NOT NULL,
	"lead_id" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"note" text,
	"done_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "verification_tasks" ADD CONSTRAINT "verification_tasks_batch_id_lead_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."lead_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_tasks" ADD CONSTRAINT "verification_tasks_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_tasks" ADD CONSTRAINT "verification_tasks_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "verification_tasks_lead_uq" ON "verification_tasks" USING btree ("batch_id","lead_id");--> statement-breakpoint
CREATE INDEX "verification_tasks_open_idx" ON "verification_tasks" USING btree ("created_at") WHERE status = 'OPEN';