// issue 10: a source database (what the backup holds) and an existing, different target owned by a role without CREATEDB;
// the build connects as that owner, so the restore happens in place
dev.testguard.it.RestoreFixture.postgresSetup(basedir, 'owner')
true
