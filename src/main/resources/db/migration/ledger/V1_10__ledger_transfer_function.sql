-- A transfer in one round trip: the same steps the application took one statement at a time (open the
-- credited account if asked, look both accounts up, record the transfer unless its idempotency key was used,
-- debit and credit the two rows in id order with the debit refused below zero), now inside the database so
-- that the rows are locked for as short a time as the transaction allows.
--
-- Result: the transfer (created = false when the key was used before: nothing moved).
-- Errors: SQLSTATE KJ001 'ledger.insufficient balance=<fen the paying account holds>';
--         SQLSTATE KJ002 'ledger.no-account code=<code>'.
create function ledger.transfer(
    p_key text, p_from text, p_to text, p_amount bigint, p_kind text, p_reference text, p_reverses bigint,
    p_at timestamptz, p_open_kind text, p_open_region varchar, p_open_owner uuid, p_open_floor boolean)
returns table (transfer_id bigint, created boolean, from_code text, to_code text, amount bigint, kind text,
               reference text, created_at timestamptz)
language plpgsql as $$
declare
    v_from bigint;
    v_to bigint;
    v_id bigint;
    v_balance bigint;
begin
    if p_amount is null or p_amount <= 0 then
        raise exception 'a transfer moves a positive amount' using errcode = '22023';
    end if;
    if p_open_kind is not null then
        insert into ledger.account (code, kind, region_code, owner_id, floor_zero)
        values (p_to, p_open_kind, p_open_region, p_open_owner, p_open_floor)
        on conflict (code) do nothing;
    end if;
    select a.id into v_from from ledger.account a where a.code = p_from;
    if v_from is null then
        raise exception 'ledger.no-account code=%', p_from using errcode = 'KJ002';
    end if;
    select a.id into v_to from ledger.account a where a.code = p_to;
    if v_to is null then
        raise exception 'ledger.no-account code=%', p_to using errcode = 'KJ002';
    end if;

    insert into ledger.transfer (idempotency_key, debit_account, credit_account, amount, kind, reference, reverses,
                                 created_at)
    values (p_key, v_from, v_to, p_amount, p_kind, p_reference, p_reverses, p_at)
    on conflict (idempotency_key) do nothing
    returning id into v_id;
    if v_id is null then
        return query
            select t.id, false, f.code, c.code, t.amount, t.kind, t.reference, t.created_at
            from ledger.transfer t join ledger.account f on f.id = t.debit_account
                                   join ledger.account c on c.id = t.credit_account
            where t.idempotency_key = p_key;
        return;
    end if;

    -- both rows in id order: two transfers between the same accounts never wait for each other in a circle
    if v_to < v_from then
        update ledger.account set credits = credits + p_amount, balance = balance + p_amount where id = v_to;
    end if;
    update ledger.account set debits = debits + p_amount, balance = balance - p_amount
    where id = v_from and (not floor_zero or balance >= p_amount);
    if not found then
        select a.balance into v_balance from ledger.account a where a.id = v_from;
        raise exception 'ledger.insufficient balance=%', v_balance using errcode = 'KJ001';
    end if;
    if v_to > v_from then
        update ledger.account set credits = credits + p_amount, balance = balance + p_amount where id = v_to;
    end if;
    return query select v_id, true, p_from, p_to, p_amount, p_kind, p_reference, p_at;
end;
$$;
