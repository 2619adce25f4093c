-- Busy times pulled back from Google Calendar: events that are not the venue's own bookings (a manager blocking a
-- slot) close the services for their time. Only the times are kept, never an event's title or guests; service_id
-- is the one service an event names as "[service-id] …", null for every service.
create table calendar_busy (
    calendar_id varchar(1024) not null,
    event_id    varchar(1024) not null,
    service_id  varchar(64),
    start_at    timestamp with time zone not null,
    end_at      timestamp with time zone not null,
    constraint calendar_busy_key primary key (calendar_id, event_id)
);
create index calendar_busy_time on calendar_busy (start_at, end_at);

-- Where the incremental sync of each calendar stands: Google's nextSyncToken from the last complete sync.
create table calendar_sync (
    calendar_id varchar(1024) primary key,
    sync_token  varchar(2048) not null,
    synced_at   timestamp with time zone not null
);
