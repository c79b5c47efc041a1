-- API key scopes and expiry (issue 10). Existing keys get 'leads:write' only: they could read the organization's
-- leads and contacts before; now that needs a new key with 'leads:read'.
ALTER TABLE "api_keys" ADD COLUMN "scopes" text[] DEFAULT ARRAY['leads:write']::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "expires_at" timestamp with time zone;