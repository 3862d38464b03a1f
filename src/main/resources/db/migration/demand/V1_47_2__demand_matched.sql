-- When a demand first had strong matches in the catalog (the owners of its strongest matches were to be told):
-- the statistics count demands matched by this day. Demands matched before it was kept have none.
alter table demand.demand add column matched_at timestamptz;
create index demand_matched_idx on demand.demand (matched_at) where matched_at is not null;
