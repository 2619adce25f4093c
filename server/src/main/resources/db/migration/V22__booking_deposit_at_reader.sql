-- A booking made at a kiosk pays its deposit at a card reader: which reader took the last try, and how many tries
-- there were (each is its own request to the reader; the PaymentIntent stays the one in deposit_intent_id).
alter table booking add column deposit_reader_id varchar(64);
alter table booking add column deposit_reader_attempt integer default 0 not null;
