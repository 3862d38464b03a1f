-- Contract value per region pair and day of registration (ContractFigures.daily): an index-only scan over the
-- registered contracts of a period, as contract_flows is for months.
create index contract_daily_flows on trading.contract (registered_at) include (buyer_region, seller_region, value_fen)
    where state in ('REGISTERED', 'IN_PERFORMANCE', 'COMPLETED');
