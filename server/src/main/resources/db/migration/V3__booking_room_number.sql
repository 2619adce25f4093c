-- A room stay gets its room number at check-in.
alter table booking add column room_number varchar(16);
