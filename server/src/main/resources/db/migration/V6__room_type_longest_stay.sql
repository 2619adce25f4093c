-- The longest stay booked per room type, raised under the room type's row lock when a longer one is booked:
-- availability looks back only that many nights for stays that still hold a room, instead of the 90 a stay may
-- last (docs/benchmarks.md).
alter table room_type add column longest_stay_nights integer not null default 1;
-- stays booked before this column existed may be long ones: look back as far as a stay may last
update room_type set longest_stay_nights = 91;
