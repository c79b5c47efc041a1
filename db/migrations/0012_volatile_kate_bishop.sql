CREATE TABLE "consent_certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_org_id" text NOT NULL,
	"origin" text NOT NULL,
	"page_url" text NOT NULL,
	"page_title" text,
	"consent_text" text NOT NULL,
	"time_on_page_ms" integer NOT NULL,
	"keystroke_to_submit_ms" integer,
	"phone_entry" text NOT NULL,
	"email_entry" text NOT NULL,
	"viewport_width" integer NOT NULL,
	"viewport_height" integer NOT NULL,
	"user_agent" text NOT NULL,
	"phone_hash" text,
	"email_hash" text,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"signature" text NOT NULL,
	"claimed_by_lead_id" text,
	CONSTRAINT "consent_certificates_claimed_lead_uq" UNIQUE("claimed_by_lead_id")
);
--> statement-breakpoint
CREATE TABLE "consent_origins" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_org_id" text NOT NULL,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "segments" ADD COLUMN "require_consent_certificate" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_certificates" ADD CONSTRAINT "consent_certificates_seller_org_id_organizations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_origins" ADD CONSTRAINT "consent_origins_seller_org_id_organizations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_certificates_seller_idx" ON "consent_certificates" USING btree ("seller_org_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consent_origins_seller_origin_uq" ON "consent_origins" USING btree ("seller_org_id","origin");