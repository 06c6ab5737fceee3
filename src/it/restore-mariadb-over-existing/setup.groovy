// issue 10: a MariaDB source database (what the backup holds) and an existing, different target stamped protected, with
// a user granted rights on it (database- and table-level); the build connects as root
dev.testguard.it.RestoreFixture.mariadbSetup(basedir)
true
