-- Lobby kiosks: the desk makes a pairing code (shown once, stored as a hash, valid for minutes), the kiosk redeems it
-- once for its device token (also stored only as a hash); revoking stops the token at once. A kiosk may name the
-- Stripe Terminal reader beside it, which its card payments are taken on.
create table kiosk (
    id              varchar(32)  not null primary key,
    name            varchar(100) not null,
    reader_id       varchar(64),                          -- Stripe Terminal reader (tmr_…), or none
    code_hash       char(64),                             -- until the code is redeemed or expires
    code_expires_at timestamp with time zone,
    token_hash      char(64),
    created_by      bigint       references staff_account (id),
    created_at      timestamp with time zone not null,
    paired_at       timestamp with time zone,
    revoked_at      timestamp with time zone,
    constraint kiosk_code_unique unique (code_hash),
    constraint kiosk_token_unique unique (token_hash)
);

-- An order placed at a kiosk remembers it: only that kiosk drives its card reader for the order. A payment at a
-- reader is retried with a new idempotency key per attempt (a declined card, then another card); the reader's last
-- failure is what the guest is told.
alter table orders add column kiosk_id varchar(32) references kiosk (id);
alter table orders add column terminal_reader_id varchar(64);
alter table orders add column terminal_attempt int default 0 not null;
alter table orders add column payment_failure varchar(200);
