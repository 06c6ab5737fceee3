import static dev.testguard.it.ItChecks.*

def db = 'tg_it_dsv_orders_app'
def after = postgresRowsOwnerComment(db, 'orders')
psql('postgres', 'DROP DATABASE IF EXISTS ' + db)
def log = log(basedir)
assert log.contains('OVERRIDE in use for jdbc:postgresql://localhost:5432/' + db) : 'the override use must be logged'
assert log.contains("testguard:reset refuses to touch jdbc:postgresql://localhost:5432/" + db) : 'reset was not refused'
assert log.contains("rule 'destructive-guard'") : 'the refusal should name the rule'
assert log.contains("-Dtestguard.confirm=" + db) : 'the refusal should give the confirm command'
assert log.contains("-Dtestguard.url='jdbc:postgresql://localhost:5432/" + db) : 'the command should quote the URL'
assert after == [rows: '3', owner: 'postgres', comment: '<none>'] : 'the database changed: ' + after
true
