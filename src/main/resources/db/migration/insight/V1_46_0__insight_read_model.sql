-- Insight keeps its own read model: facts per day, kind and region pair, refreshed from the owning modules' facades.
create schema if not exists insight;

-- One row per day (China time), kind, served region and serving region: how many and how much (fen).
-- Kinds of one region only (a demand posted, a challenge published) keep the region on both sides.
create table insight.fact (
    kind text not null,
    day date not null,
    served_region text not null,
    serving_region text not null,
    count bigint not null,
    value_fen bigint,
    primary key (kind, day, served_region, serving_region)
);
create index fact_day on insight.fact (day, kind);

-- Days whose facts of a kind changed: appended by the event listeners in the changing transaction, consumed by the
-- refresh (several nodes may refresh at once: each takes its rows with FOR UPDATE SKIP LOCKED).
create table insight.stale_day (
    id bigserial primary key,
    kind text not null,
    day date not null
);

-- When the read model was last refreshed or rebuilt, per kind.
create table insight.kind_state (
    kind text primary key,
    rebuilt_at timestamptz,
    refreshed_at timestamptz
);

-- The same facts summed per calendar month, kept with the days: a year's figures read twelve rows per pair, not 365.
create table insight.fact_month (
    kind text not null,
    month date not null,
    served_region text not null,
    serving_region text not null,
    count bigint not null,
    value_fen bigint,
    primary key (kind, month, served_region, serving_region)
);
create index fact_month_month on insight.fact_month (month, kind);
