-- A contact merged into another (the same guest twice) keeps its row, blank like an erased one so its
-- spreadsheet row is blanked too, and says which contact it became: its bookings, orders and conversations
-- moved there.
alter table contact add column merged_into_id bigint;
