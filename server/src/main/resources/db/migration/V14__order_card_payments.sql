-- Card payments through Stripe: the PaymentIntent an order is paid by (created with the order's reference as its
-- idempotency key, so asking again never makes a second one), and Stripe's webhook events already applied (Stripe
-- sends an event again when it did not see our answer; the second time changes nothing).
alter table orders add column payment_intent_id varchar(64);
create unique index orders_payment_intent on orders (payment_intent_id);

create table payment_event (
    id          varchar(255) primary key,                 -- the provider's event id (Stripe: evt_…)
    type        varchar(64)  not null,
    received_at timestamp with time zone not null
);
