-- Integration settings set from the console (API keys, webhook secrets, calendar ids): each value sealed with
-- AES-256-GCM under the appliance's secret key (DIR/secret.key, or CONCIERGE_SECRET_KEY for several instances), so a
-- copy of the database alone does not give the venue's Stripe or OpenAI keys away. The environment wins over these.
create table integration_setting (
    name       varchar(64)   not null primary key,
    sealed     varchar(8000) not null,
    updated_by bigint        references staff_account (id),
    updated_at timestamp with time zone not null
);
