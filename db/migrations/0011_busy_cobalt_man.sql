CREATE TABLE "seller_segment_conversion" (
	"seller_org_id" text NOT NULL,
	"segment" text NOT NULL,
	"outcomes" integer DEFAULT 0 NOT NULL,
	"conversions" integer DEFAULT 0 NOT NULL,
	"factor" numeric(6, 4) DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seller_segment_conversion_seller_org_id_segment_pk" PRIMARY KEY("seller_org_id","segment")
);
--> statement-breakpoint
ALTER TABLE "seller_segment_conversion" ADD CONSTRAINT "seller_segment_conversion_seller_org_id_organizations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_segment_conversion" ADD CONSTRAINT "seller_segment_conversion_segment_segments_code_fk" FOREIGN KEY ("segment") REFERENCES "public"."segments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "seller_segment_conversion_segment_idx" ON "seller_segment_conversion" USING btree ("segment");