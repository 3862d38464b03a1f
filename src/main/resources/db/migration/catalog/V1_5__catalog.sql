-- The resource catalog: instruments, services, achievements and experts that providers share.
-- Common attributes are columns (they are filtered, sorted and faceted); each type's own attributes are
-- one JSON document (details), validated by the application against the type's record.
create schema if not exists catalog;

create table catalog.entry (
    id               uuid          primary key,
    type             text          not null check (type in ('INSTRUMENT', 'SERVICE', 'ACHIEVEMENT', 'EXPERT')),
    external_code    varchar(64)   not null,
    owner_org_id     uuid          not null,
    owner_org_name   text          not null,
    region_code      varchar(6)    not null check (region_code ~ '^[1-9][0-9]{5}$'),
    title            text          not null check (length(title) between 2 and 300),
    summary          text          not null default '',
    keywords         text          not null default '',
    category         text          not null default '',
    price            numeric(14,2) check (price is null or price >= 0),
    price_unit       text,
    accreditations   text          not null default '',
    maturity         text,
    confidentiality  text          not null default 'PUBLIC' check (confidentiality in ('PUBLIC', 'ZONE', 'ON_REQUEST')),
    state            text          not null check (state in ('DRAFT', 'PUBLISHED', 'MAINTENANCE', 'WITHDRAWN', 'SUSPENDED')),
    details          jsonb         not null default '{}',
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    published_at     timestamptz,
    version          bigint        not null default 0,
    unique (owner_org_id, type, external_code)
);
create index entry_region_idx on catalog.entry (region_code varchar_pattern_ops);
create index entry_owner_idx on catalog.entry (owner_org_id, type);

-- Synonym groups the platform admin maintains: a query for one term also finds the others.
create table catalog.synonym_group (
    id         bigint      generated always as identity primary key,
    terms      text        not null,
    updated_at timestamptz not null default now()
);
insert into catalog.synonym_group (terms) values
    ('扫描电镜, 扫描电子显微镜, SEM'),
    ('透射电镜, 透射电子显微镜, TEM'),
    ('X射线衍射仪, XRD, X射线衍射'),
    ('核磁共振, NMR, 核磁共振波谱仪'),
    ('气相色谱质谱联用仪, GC-MS, 气质联用'),
    ('液相色谱质谱联用仪, LC-MS, 液质联用'),
    ('电感耦合等离子体质谱, ICP-MS'),
    ('电磁兼容, EMC'),
    ('新能源汽车, 电动汽车');
