// issue 10: a source database (what the backup holds) and an existing, different target owned by a role without CREATEDB;
// the build connects as that owner. Only a superuser may create file_fdw: restoring it as the owner fails half-way
dev.testguard.it.RestoreFixture.postgresSetup(basedir, 'owner', 'CREATE EXTENSION file_fdw')
true
