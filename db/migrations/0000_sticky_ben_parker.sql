CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"created_by" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"quality_score" integer DEFAULT 80 NOT NULL,
	"suspended" boolean DEFAULT false NOT NULL,
	"stripe_account_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"organization_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "geo_areas" (
	"country" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"tier" text NOT NULL,
	CONSTRAINT "geo_areas_country_region_city_pk" PRIMARY KEY("country","region","city")
);
--> statement-breakpoint
CREATE TABLE "price_factors" (
	"name" text PRIMARY KEY NOT NULL,
	"value" numeric(10, 4) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_grid" (
	"segment_code" text NOT NULL,
	"subsegment" text DEFAULT '' NOT NULL,
	"geo_tier" text NOT NULL,
	"base_amount" bigint NOT NULL,
	"currency" text NOT NULL,
	CONSTRAINT "price_grid_segment_code_subsegment_geo_tier_pk" PRIMARY KEY("segment_code","subsegment","geo_tier")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"commission_bps" integer DEFAULT 2000 NOT NULL,
	"return_window_hours" integer DEFAULT 72 NOT NULL,
	"ttl_days" integer DEFAULT 30 NOT NULL,
	"failed_batch_policy" text DEFAULT 'DISCOUNT' NOT NULL,
	"verification_provider" text DEFAULT 'automatic' NOT NULL,
	"failure_threshold_bps" integer DEFAULT 1000 NOT NULL,
	"attribute_schema" jsonb DEFAULT '{"fields":[]}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsegments" (
	"segment_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "subsegments_segment_code_code_pk" PRIMARY KEY("segment_code","code")
);
--> statement-breakpoint
CREATE TABLE "volume_discounts" (
	"min_quantity" integer PRIMARY KEY NOT NULL,
	"discount_bps" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_reads" (
	"id" text PRIMARY KEY NOT NULL,
	"lead_id" text NOT NULL,
	"user_id" text,
	"organization_id" text NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_org_id" text NOT NULL,
	"submitted_by" text,
	"source" text NOT NULL,
	"total" integer NOT NULL,
	"accepted" integer NOT NULL,
	"rejected" integer NOT NULL,
	"status" text NOT NULL,
	"sample_size" integer,
	"sample_failed" integer,
	"verdict_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" text PRIMARY KEY NOT NULL,
	"batch_id" text NOT NULL,
	"seller_org_id" text NOT NULL,
	"external_id" text,
	"segment" text NOT NULL,
	"subsegment" text,
	"country" text NOT NULL,
	"region" text,
	"city" text,
	"postal_code" text,
	"geo_tier" text NOT NULL,
	"kind" text NOT NULL,
	"temperature" text NOT NULL,
	"score" integer NOT NULL,
	"source_channel" text NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"exclusivity" text NOT NULL,
	"max_sales" integer NOT NULL,
	"sales_count" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"verification" text DEFAULT 'UNVERIFIED' NOT NULL,
	"asking_price" bigint,
	"price" bigint NOT NULL,
	"currency" text NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"signals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"form_fill_seconds" integer,
	"preview_name" text NOT NULL,
	"preview_phone" text,
	"preview_email" text,
	"contact_sealed" text,
	"contact_key_id" text,
	"phone_hash" text,
	"email_hash" text,
	"ip_hash" text,
	"erased_at" timestamp with time zone,
	"listed_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_results" (
	"id" text PRIMARY KEY NOT NULL,
	"batch_id" text NOT NULL,
	"lead_id" text,
	"row_index" integer NOT NULL,
	"stage" text NOT NULL,
	"code" text NOT NULL,
	"field" text,
	"message" text NOT NULL,
	"severity" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_grid" ADD CONSTRAINT "price_grid_segment_code_segments_code_fk" FOREIGN KEY ("segment_code") REFERENCES "public"."segments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsegments" ADD CONSTRAINT "subsegments_segment_code_segments_code_fk" FOREIGN KEY ("segment_code") REFERENCES "public"."segments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_reads" ADD CONSTRAINT "contact_reads_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_reads" ADD CONSTRAINT "contact_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_batches" ADD CONSTRAINT "lead_batches_seller_org_id_organizations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_batch_id_lead_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."lead_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_seller_org_id_organizations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_results" ADD CONSTRAINT "verification_results_batch_id_lead_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."lead_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_results" ADD CONSTRAINT "verification_results_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_uq" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_org_idx" ON "api_keys" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_uq" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_org_idx" ON "users" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "contact_reads_lead_idx" ON "contact_reads" USING btree ("lead_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_uq" ON "idempotency_keys" USING btree ("scope","key");--> statement-breakpoint
CREATE INDEX "lead_batches_pending_idx" ON "lead_batches" USING btree ("created_at") WHERE status = 'PENDING_VERIFICATION';--> statement-breakpoint
CREATE INDEX "lead_batches_seller_idx" ON "lead_batches" USING btree ("seller_org_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_seller_idx" ON "leads" USING btree ("seller_org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "leads_batch_idx" ON "leads" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "leads_phone_dup_idx" ON "leads" USING btree ("segment","phone_hash","captured_at") WHERE phone_hash is not null;--> statement-breakpoint
CREATE INDEX "leads_email_dup_idx" ON "leads" USING btree ("segment","email_hash","captured_at") WHERE email_hash is not null;--> statement-breakpoint
CREATE INDEX "leads_listed_newest_idx" ON "leads" USING btree ("captured_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'LISTED';--> statement-breakpoint
CREATE INDEX "leads_listed_price_idx" ON "leads" USING btree ("price","id") WHERE status = 'LISTED';--> statement-breakpoint
CREATE INDEX "leads_listed_score_idx" ON "leads" USING btree ("score" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'LISTED';--> statement-breakpoint
CREATE INDEX "leads_listed_segment_newest_idx" ON "leads" USING btree ("segment","captured_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'LISTED';--> statement-breakpoint
CREATE INDEX "leads_listed_segment_price_idx" ON "leads" USING btree ("segment","price","id") WHERE status = 'LISTED';--> statement-breakpoint
CREATE INDEX "leads_listed_geo_idx" ON "leads" USING btree ("country","region","city") WHERE status = 'LISTED';--> statement-breakpoint
CREATE INDEX "leads_expiry_idx" ON "leads" USING btree ("expires_at") WHERE status = 'LISTED';--> statement-breakpoint
CREATE UNIQUE INDEX "leads_seller_external_uq" ON "leads" USING btree ("seller_org_id","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE INDEX "verification_results_batch_idx" ON "verification_results" USING btree ("batch_id","row_index");--> statement-breakpoint
CREATE INDEX "verification_results_lead_idx" ON "verification_results" USING btree ("lead_id");