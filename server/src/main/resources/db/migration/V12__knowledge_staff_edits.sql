-- Staff edit the knowledge base from the console (PUT /api/staff/knowledge). An entry the staff wrote, changed or
-- removed is theirs from then on: importing the venue file again leaves it alone, so a restart with --venue never
-- undoes the desk's work. A removed entry stays as an inactive row of the staff's for the same reason.
alter table knowledge_entry add column source varchar(8) default 'venue' not null
    check (source in ('venue', 'staff'));
