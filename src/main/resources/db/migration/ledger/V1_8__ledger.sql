-- The double-entry ledger of voucher money, in fen. A transfer moves an amount from one account (debit) to
-- another (credit); an account's balance is what it holds: credits minus debits. Transfers are append-only
-- (corrections are reversal transfers); an account's running sums change only with a transfer in the same
-- transaction, and the ledger can be verified at any time by recomputing every balance from the transfers.
create schema if not exists ledger;

create table ledger.account (
    id          bigint      generated always as identity primary key,
    code        text        not null unique,
    kind        text        not null,
    region_code varchar(6),
    owner_id    uuid,
    -- accounts that hold money (budgets, grants, holds, receivables) never go below zero; sources such as a
    -- region's issuance account are the other side of every yuan that enters and may
    floor_zero  boolean     not null,
    debits      bigint      not null default 0 check (debits >= 0),
    credits     bigint      not null default 0 check (credits >= 0),
    balance     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    constraint account_balance_is_sum check (balance = credits - debits),
    constraint account_floor check (not floor_zero or balance >= 0)
);
create index account_kind_idx on ledger.account (kind, region_code);
create index account_owner_idx on ledger.account (owner_id);

create table ledger.transfer (
    id              bigint      generated always as identity primary key,
    idempotency_key text        not null unique,
    debit_account   bigint      not null references ledger.account (id),
    credit_account  bigint      not null references ledger.account (id),
    amount          bigint      not null check (amount > 0),
    kind            text        not null,
    reference       text        not null,
    reverses        bigint      references ledger.transfer (id),
    created_at      timestamptz not null,
    check (debit_account <> credit_account)
);
create index transfer_debit_idx on ledger.transfer (debit_account);
create index transfer_credit_idx on ledger.transfer (credit_account);
create index transfer_reference_idx on ledger.transfer (reference);
create index transfer_time_idx on ledger.transfer (created_at);
create unique index transfer_reversed_once on ledger.transfer (reverses) where reverses is not null;

create function ledger.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger transfers are append-only; correct with a reversal' using errcode = '42501';
end;
$$;

create trigger transfer_append_only
    before update or delete or truncate on ledger.transfer
    for each statement execute function ledger.refuse_change();

create function ledger.refuse_account_removal() returns trigger language plpgsql as $$
begin
    raise exception 'ledger accounts are never removed' using errcode = '42501';
end;
$$;

create trigger account_never_removed
    before delete or truncate on ledger.account
    for each statement execute function ledger.refuse_account_removal();
