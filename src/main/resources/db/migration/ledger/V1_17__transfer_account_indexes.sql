-- No query looks transfers up by the account debited or credited: verification sums them by account in one
-- scan, statements find them by reference, kind and time. The two indexes only cost every transfer two
-- index entries. Accounts are never deleted, so the foreign keys need no index on this side either.
drop index ledger.transfer_debit_idx;
drop index ledger.transfer_credit_idx;
