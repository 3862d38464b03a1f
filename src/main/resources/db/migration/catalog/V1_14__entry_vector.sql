-- The meaning of an entry as a sentence embedding (bge-small-zh-v1.5, 512 float32 values, unit length), for
-- matching beside BM25. Kept for published entries; recomputed when the entry changes.
create table catalog.entry_vector (
    entry_id     uuid          primary key references catalog.entry (id),
    model        text          not null,
    vector       bytea         not null,
    embedded_at  timestamptz   not null
);
