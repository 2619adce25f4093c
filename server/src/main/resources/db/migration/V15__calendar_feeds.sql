-- Private iCalendar feeds: a secret URL per service (or for the room stays) that any calendar app can follow. The
-- URL's token is stored only as its SHA-256, like public keys; a revoked feed answers 404 from then on.
create table calendar_feed (
    id          varchar(32)  not null primary key,
    name        varchar(100) not null,
    service_id  varchar(64)  references service (id),   -- null: the room stays
    token_hash  char(64)     not null,
    created_by  bigint       references staff_account (id),
    created_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone,
    constraint calendar_feed_token_unique unique (token_hash)
);
