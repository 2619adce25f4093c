-- Google Sheets keeps the CRM as one fixed row per contact: the row is given at the contact's first delivery to
-- Sheets and never changes or goes to anyone else, so writing row N again is the same write (never an append), and
-- an erased contact's row is blanked in place. Row 1 is the header.
alter table contact add column sheet_row integer;
alter table contact add constraint contact_sheet_row_unique unique (sheet_row);
create sequence contact_sheet_row start with 2;

-- How many times the contact was created or changed: the version of its contact.changed events, which must differ
-- even when the venue's clock is frozen.
alter table contact add column revision bigint not null default 0;
