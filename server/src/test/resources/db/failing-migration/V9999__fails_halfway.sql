-- A migration that fails after its first statement (DatabaseUpgradeTest): H2 commits the create on its own, so
-- only putting the backup back leaves the database as it was.
create table upgrade_probe (id integer);
insert into no_such_table values (1);
