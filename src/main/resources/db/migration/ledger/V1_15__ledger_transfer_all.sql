-- Many transfers in one round trip, for steps committed together: the accounts asked for are opened
-- unless they exist, every account involved is locked in id order (so two such calls, or such a call and single
-- transfers, never wait for each other in a circle), then the transfers are made one after the other. A
-- transfer whose paying account holds too little is refused and moves nothing; the others go ahead.
--
-- Result, a row per transfer in the order given:
--   created = true: moved now; created = false with transfer_id: its key was used before, nothing moved;
--   transfer_id null: refused, balance = what the paying account held.
-- Errors: SQLSTATE KJ002 'ledger.no-account code=<code>'.
create function ledger.transfer_all(
    p_keys text[], p_from text[], p_to text[], p_amounts bigint[], p_kinds text[], p_references text[],
    p_at timestamptz,
    p_open_codes text[], p_open_kinds text[], p_open_regions varchar[], p_open_owners uuid[], p_open_floors boolean[])
returns table (ordinal int, transfer_id bigint, created boolean, from_code text, to_code text, amount bigint,
               balance bigint, created_at timestamptz)
language plpgsql as $$
#variable_conflict use_column
declare
    i int;
    v_from bigint;
    v_to bigint;
    v_floor boolean;
    v_balance bigint;
    v_id bigint;
begin
    insert into ledger.account (code, kind, region_code, owner_id, floor_zero)
    select distinct on (o.code) o.code, o.kind, o.region, o.owner, o.floor
    from unnest(p_open_codes, p_open_kinds, p_open_regions, p_open_owners, p_open_floors) as o(code, kind, region, owner, floor)
    order by o.code
    on conflict (code) do nothing;

    perform 1 from ledger.account a where a.code = any(p_from || p_to) order by a.id for update;

    for i in 1 .. coalesce(array_length(p_keys, 1), 0) loop
        if p_amounts[i] is null or p_amounts[i] <= 0 then
            raise exception 'a transfer moves a positive amount' using errcode = '22023';
        end if;
        select a.id, a.balance, a.floor_zero into v_from, v_balance, v_floor from ledger.account a where a.code = p_from[i];
        if v_from is null then
            raise exception 'ledger.no-account code=%', p_from[i] using errcode = 'KJ002';
        end if;
        select a.id into v_to from ledger.account a where a.code = p_to[i];
        if v_to is null then
            raise exception 'ledger.no-account code=%', p_to[i] using errcode = 'KJ002';
        end if;

        v_id := null;
        select t.id into v_id from ledger.transfer t where t.idempotency_key = p_keys[i];
        if v_id is null then
            if v_floor and v_balance < p_amounts[i] then
                return query select i, null::bigint, false, p_from[i], p_to[i], p_amounts[i], v_balance, null::timestamptz;
                continue;
            end if;
            insert into ledger.transfer (idempotency_key, debit_account, credit_account, amount, kind, reference,
                                         created_at)
            values (p_keys[i], v_from, v_to, p_amounts[i], p_kinds[i], p_references[i], p_at)
            on conflict (idempotency_key) do nothing
            returning id into v_id;
            if v_id is not null then
                update ledger.account set debits = debits + p_amounts[i], balance = balance - p_amounts[i] where id = v_from;
                update ledger.account set credits = credits + p_amounts[i], balance = balance + p_amounts[i] where id = v_to;
                return query select i, v_id, true, p_from[i], p_to[i], p_amounts[i], null::bigint, p_at;
                continue;
            end if;
            select t.id into v_id from ledger.transfer t where t.idempotency_key = p_keys[i];
        end if;
        return query
            select i, t.id, false, f.code, c.code, t.amount, null::bigint, t.created_at
            from ledger.transfer t join ledger.account f on f.id = t.debit_account
                                   join ledger.account c on c.id = t.credit_account
            where t.id = v_id;
    end loop;
end;
$$;
