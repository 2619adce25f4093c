-- A client's key for one booking or order request: asking again with the same key answers the first result instead of
-- booking twice (the assistant's "yes" repeated after a crash, a widget retrying a timed-out request).
alter table booking add column request_key varchar(80);
alter table booking add constraint booking_request_key_unique unique (request_key);
alter table orders add column request_key varchar(80);
alter table orders add constraint orders_request_key_unique unique (request_key);
