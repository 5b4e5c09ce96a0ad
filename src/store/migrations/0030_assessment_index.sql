-- The assessment's pass over a period's deliveries (src/modules/assessment/compute.cpp) groups them
-- by provider and reads only these columns. deliveries_provider (provider, delivery date) becomes an
-- index that covers them: the pass reads it in order, grouping as it goes, and never the table (at
-- national scale SQLite walked the old index and fetched 10 million table rows at random). The
-- index's prefix is unchanged, so the provider's lists and usage statistics keep using it.
DROP INDEX deliveries_provider;
CREATE INDEX deliveries_provider ON deliveries (provider_org_id, delivered_on, resource_kind, resource_id, internal,
    minutes_used, fee_fen, voucher_fen, client_industry_code, id);
