-- Deposits: a service or room type may ask guests booking online for a deposit (minor units). Such a booking is
-- pending, holding its place, until the deposit is paid (then confirmed) or its hold runs out (then cancelled). The
-- amount and currency are kept on the booking as they were when it was made.
alter table service add column deposit bigint check (deposit > 0);
alter table room_type add column deposit bigint check (deposit > 0);

alter table booking add column deposit_amount bigint check (deposit_amount > 0);
alter table booking add column deposit_currency varchar(3);
alter table booking add column deposit_status varchar(16)
    check (deposit_status in ('unpaid', 'pending', 'paid', 'failed', 'refunded'));
alter table booking add column deposit_intent_id varchar(64);
alter table booking add column deposit_due_at timestamp with time zone;
create unique index booking_deposit_intent on booking (deposit_intent_id);
create index booking_deposit_due on booking (deposit_due_at);
