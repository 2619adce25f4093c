-- Availability reads only these columns: with them in the index the database need not visit each booking row
-- (measured by bench/BookingBenchmark: docs/benchmarks.md).
drop index booking_room_time;
create index booking_room_time on booking (room_type_id, start_at, end_at, status);
drop index booking_service_time;
create index booking_service_time on booking (service_id, start_at, blocked_until, status, taken);
