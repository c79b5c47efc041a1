CREATE TABLE "buyer_suppressions" (
	"buyer_org_id" text NOT NULL,
	"hash" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buyer_suppressions_buyer_org_id_hash_pk" PRIMARY KEY("buyer_org_id","hash")
);
--> statement-breakpoint
CREATE TABLE "global_suppressions" (
	"hash" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suppression_list_changes" (
	"list" text PRIMARY KEY NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "buyer_suppressions" ADD CONSTRAINT "buyer_suppressions_buyer_org_id_organizations_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;