-- Which version of the index mapping the search index was built with: a new version (new fields) makes the
-- application rebuild the index at start-up. One row, shared by every application node.
create table catalog.index_state (
    id              int         primary key check (id = 1),
    mapping_version int         not null,
    built_at        timestamptz
);
insert into catalog.index_state (id, mapping_version) values (1, 0);
