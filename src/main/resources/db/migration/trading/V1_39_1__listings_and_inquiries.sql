-- Listings: a catalog achievement offered by its owner for transfer, licence, equity or joint development.
-- The title, seller and region are copied from the catalog and the organisation when the listing is written, so
-- that the browse page and the auction console read one row; the achievement itself stays the catalog's.
create table trading.listing (
    id                 uuid primary key,
    achievement_id     uuid         not null,
    seller_org_id      uuid         not null,
    seller_org_name    text         not null,
    seller_region_code varchar(6)   not null,
    title              text         not null,
    notes              text         not null default '',
    modes              text[]       not null,
    licence_territory  text         not null default '',
    licence_term       text         not null default '',
    -- null: negotiable (面议)
    asking_price_fen   bigint check (asking_price_fen is null or asking_price_fen > 0),
    patent_numbers     text[]       not null default '{}',
    legal_status       varchar(20)  not null,
    state              varchar(12)  not null check (state in ('DRAFT', 'PUBLISHED', 'WITHDRAWN', 'SOLD')),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    published_at       timestamptz,
    sold_at            timestamptz
);

-- one live listing per achievement: a second draft of the same achievement is the first one edited
create unique index listing_live_per_achievement on trading.listing (achievement_id)
    where state in ('DRAFT', 'PUBLISHED');
create index listing_seller on trading.listing (seller_org_id, updated_at desc);
create index listing_published on trading.listing (published_at desc) where state = 'PUBLISHED';

-- Inquiries: one private thread per listing and buying organisation, readable by the two sides and by the
-- admins governing either side's region.
create table trading.inquiry (
    id                 uuid primary key,
    listing_id         uuid         not null references trading.listing (id),
    title              text         not null,
    seller_org_id      uuid         not null,
    seller_org_name    text         not null,
    seller_region_code varchar(6)   not null,
    buyer_org_id       uuid         not null,
    buyer_org_name     text         not null,
    buyer_region_code  varchar(6)   not null,
    opened_by          text         not null,
    opened_at          timestamptz  not null,
    last_activity_at   timestamptz  not null,
    agreed             boolean      not null default false,
    unique (listing_id, buyer_org_id)
);
create index inquiry_seller on trading.inquiry (seller_org_id, last_activity_at desc);
create index inquiry_buyer on trading.inquiry (buyer_org_id, last_activity_at desc);

create table trading.inquiry_message (
    id           uuid primary key,
    inquiry_id   uuid        not null references trading.inquiry (id),
    side         varchar(6)  not null check (side in ('BUYER', 'SELLER')),
    author       text        not null,
    author_name  text        not null,
    body         text        not null,
    posted_at    timestamptz not null
);
create index inquiry_message_thread on trading.inquiry_message (inquiry_id, posted_at);

-- files attached to a message, kept in the database with it as a challenge's documents are
create table trading.inquiry_attachment (
    id           uuid primary key,
    inquiry_id   uuid        not null references trading.inquiry (id),
    message_id   uuid        not null references trading.inquiry_message (id),
    name         text        not null,
    content_type text        not null,
    size         integer     not null,
    content      bytea       not null
);
create index inquiry_attachment_message on trading.inquiry_attachment (message_id);

-- an offer by either side; a newer offer in the thread supersedes the open one; the other side accepts it
create table trading.inquiry_offer (
    id          uuid primary key,
    inquiry_id  uuid        not null references trading.inquiry (id),
    side        varchar(6)  not null check (side in ('BUYER', 'SELLER')),
    amount_fen  bigint      not null check (amount_fen > 0),
    mode        varchar(24) not null,
    terms       text        not null default '',
    made_by     text        not null,
    made_at     timestamptz not null,
    state       varchar(12) not null check (state in ('OPEN', 'SUPERSEDED', 'ACCEPTED', 'LAPSED')),
    answered_by text,
    answered_at timestamptz
);
create index inquiry_offer_thread on trading.inquiry_offer (inquiry_id, made_at);
-- at most one open offer per thread
create unique index inquiry_offer_open on trading.inquiry_offer (inquiry_id) where state = 'OPEN';
