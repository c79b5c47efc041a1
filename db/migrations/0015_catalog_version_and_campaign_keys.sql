-- Issue 17. The catalog (segments, subsegments, geo areas, price grid, factors, volume tiers) has a version that
-- every write bumps in its own transaction: processes cache the catalog and re-read it only when the version moved.
CREATE TABLE IF NOT EXISTS catalog_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL DEFAULT 1
);
--> statement-breakpoint
INSERT INTO catalog_version (id, version) VALUES (true, 1) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalog_version_bump() RETURNS trigger AS $$
BEGIN
  UPDATE catalog_version SET version = version + 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER segments_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON segments
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
--> statement-breakpoint
CREATE TRIGGER subsegments_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON subsegments
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
--> statement-breakpoint
CREATE TRIGGER geo_areas_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON geo_areas
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
--> statement-breakpoint
CREATE TRIGGER price_grid_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON price_grid
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
--> statement-breakpoint
CREATE TRIGGER price_factors_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON price_factors
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
--> statement-breakpoint
CREATE TRIGGER volume_discounts_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON volume_discounts
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
--> statement-breakpoint
-- A campaign's filter as match keys "SEGMENT|COUNTRY|city" ('*' where the filter leaves a dimension open), so the
-- campaigns that may take a lead are one GIN look-up: the lead's 8 keys (each dimension its value or '*'). A
-- dimension is left open in the keys (the exact filter still applies it) when the key count would pass 512.
CREATE OR REPLACE FUNCTION campaign_match_keys(filter jsonb) RETURNS text[] AS $$
DECLARE
  segs text[] := ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(filter->'segments') = 'array' THEN filter->'segments' ELSE '[]' END));
  countries text[] := ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(filter->'countries') = 'array' THEN filter->'countries' ELSE '[]' END));
  cities text[] := ARRAY(SELECT lower(c) FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(filter->'cities') = 'array' THEN filter->'cities' ELSE '[]' END) c);
BEGIN
  IF cardinality(segs) = 0 THEN segs := ARRAY['*']; END IF;
  IF cardinality(countries) = 0 THEN countries := ARRAY['*']; END IF;
  IF cardinality(cities) = 0 OR cardinality(segs) * cardinality(countries) * cardinality(cities) > 512 THEN cities := ARRAY['*']; END IF;
  IF cardinality(segs) * cardinality(countries) > 512 THEN countries := ARRAY['*']; END IF;
  IF cardinality(segs) * cardinality(countries) * cardinality(cities) > 512 THEN segs := ARRAY['*']; END IF;
  RETURN ARRAY(SELECT s || '|' || c || '|' || t FROM unnest(segs) s, unnest(countries) c, unnest(cities) t);
END;
$$ LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS campaigns_match_keys_idx ON campaigns USING gin (campaign_match_keys(filter)) WHERE active;
