-- China's administrative divisions (GB/T 2260) and the cooperation zones built from them.
create schema if not exists region;

create table region.region (
    code        varchar(6)     primary key check (code ~ '^[1-9][0-9]{5}$'),
    name        text        not null,
    level       text        not null check (level in ('PROVINCE', 'PREFECTURE', 'COUNTY')),
    parent_code varchar(6)     references region.region (code),
    check ((level = 'PROVINCE') = (parent_code is null))
);
create index region_parent_idx on region.region (parent_code);
create index region_name_idx on region.region (name);

create table region.cooperation_zone (
    code        text        primary key check (code ~ '^[a-z0-9-]{2,40}$'),
    name        text        not null,
    name_en     text        not null,
    description text        not null default '',
    updated_at  timestamptz not null default now(),
    version     bigint      not null default 0
);

create table region.cooperation_zone_member (
    zone_code   text    not null references region.cooperation_zone (code) on delete cascade,
    region_code varchar(6) not null references region.region (code),
    primary key (zone_code, region_code)
);
