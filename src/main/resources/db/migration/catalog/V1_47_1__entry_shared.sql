-- When each catalog entry was shared (in the public catalog: published or under maintenance) and in which region:
-- one row per span, open (shared_until null) while it lasts. A withdrawal, a suspension or a move to another
-- region closes the span; publishing again, or the move, opens a new one. The statistics count the entries shared
-- per day, type and region from these spans (catalog.CatalogFlows). Entries shared before the spans were kept
-- start at their last publication.
create table catalog.entry_shared (
    id           bigint       generated always as identity primary key,
    entry_id     uuid         not null references catalog.entry (id),
    type         text         not null,
    region_code  varchar(6)   not null,
    shared_from  timestamptz  not null,
    shared_until timestamptz,
    check (shared_until is null or shared_until >= shared_from)
);
create unique index entry_shared_open on catalog.entry_shared (entry_id) where shared_until is null;
create index entry_shared_from_idx on catalog.entry_shared (type, shared_from);
create index entry_shared_until_idx on catalog.entry_shared (type, shared_until) where shared_until is not null;

insert into catalog.entry_shared (entry_id, type, region_code, shared_from)
select id, type, region_code, coalesce(published_at, created_at) from catalog.entry
where state in ('PUBLISHED', 'MAINTENANCE');
