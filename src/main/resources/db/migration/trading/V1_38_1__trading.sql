-- Technology trading: listings, inquiries, auctions and technology contracts live in their own schema.
create schema if not exists trading;
