CREATE SEQUENCE "public"."campaign_allocation_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "return_policies" (
	"id" text PRIMARY KEY NOT NULL,
	"segment" text,
	"buyer_org_id" text,
	"window_hours" integer,
	"allowed_reasons" jsonb,
	"auto_accept" jsonb,
	"max_return_rate_percent" integer,
	"rate_lookback_days" integer,
	"rate_min_purchases" integer,
	"allowed_remedies" jsonb,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_policies_scope_ck" CHECK ((segment IS NULL) <> (buyer_org_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "remote_calls" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"lead_id" text,
	"kind" text NOT NULL,
	"latency_ms" integer NOT NULL,
	"bid" bigint,
	"reference" text,
	"outcome" text NOT NULL,
	"http_status" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ALTER COLUMN "url" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "distribution_method" text DEFAULT 'AUCTION' NOT NULL;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "margin_kind" text DEFAULT 'NONE' NOT NULL;--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "margin_value" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases" ADD COLUMN "margin" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases" ADD COLUMN "replacement_for_dispute_id" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "remedy" text DEFAULT 'REFUND' NOT NULL;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "seller_response" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "seller_responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "replacement_purchase_id" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "paused_reason" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "delivery_endpoint_id" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "weight" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "last_allocated_seq" bigint;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "kind" text DEFAULT 'INTERNAL' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "ping_url" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "post_url" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "response_mapping" jsonb;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "ping_timeout_ms" integer;--> statement-breakpoint
ALTER TABLE "pings" ADD COLUMN "remote_reference" text;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "name" text DEFAULT 'Webhook' NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "kind" text DEFAULT 'WEBHOOK' NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "is_default" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "return_policies" ADD CONSTRAINT "return_policies_segment_segments_code_fk" FOREIGN KEY ("segment") REFERENCES "public"."segments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_policies" ADD CONSTRAINT "return_policies_buyer_org_id_organizations_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_policies" ADD CONSTRAINT "return_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remote_calls" ADD CONSTRAINT "remote_calls_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "return_policies_segment_uq" ON "return_policies" USING btree ("segment") WHERE buyer_org_id IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "return_policies_buyer_uq" ON "return_policies" USING btree ("buyer_org_id") WHERE segment IS NULL;--> statement-breakpoint
CREATE INDEX "remote_calls_campaign_idx" ON "remote_calls" USING btree ("campaign_id","at");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_delivery_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("delivery_endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "purchases_replacement_uq" ON "purchases" USING btree ("replacement_for_dispute_id") WHERE replacement_for_dispute_id is not null;--> statement-breakpoint
CREATE INDEX "campaigns_remote_idx" ON "campaigns" USING btree ("exclusivity") WHERE active and kind = 'REMOTE';--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_endpoints_default_uq" ON "webhook_endpoints" USING btree ("buyer_org_id") WHERE active and is_default;