import static dev.testguard.it.ItChecks.*

def db = 'tg_it_dsv_big_test'
def after = postgresRowsOwnerComment(db, 'orders')
psql('postgres', 'DROP DATABASE IF EXISTS ' + db)
def log = log(basedir)
assert log.contains("testguard:reset refuses to touch jdbc:postgresql://localhost:5432/" + db) : 'reset was not refused'
assert log.contains("rule 'destructive-guard'") : 'the refusal should name the rule'
assert log.contains('500 rows (more than maxRows=100)') : 'the refusal should give the row estimate'
assert log.contains("-Dtestguard.confirm=" + db) : 'the refusal should give the confirm command'
assert after == [rows: '500', owner: 'postgres', comment: '<none>'] : 'the database changed: ' + after
true
