// issue 10: a source database (what the backup holds) and an existing, different target owned by a role without CREATEDB;
// the build connects as postgres (it may create databases: the restore goes into a new one, renamed into place)
dev.testguard.it.RestoreFixture.postgresSetup(basedir, 'postgres')
true
