import static dev.testguard.it.ItChecks.*

def db = new File(basedir, 'dev-db.txt').text.trim()
def before = new File(basedir, 'fingerprint-before.txt').text
def after = mariadb("SELECT CONCAT(COUNT(*), ':', SUM(total)) FROM ${db}.orders") + '|' +
        mariadb("SELECT CONCAT_WS(',', role, stamped_at, stamped_by, project) FROM ${db}.testguard_stamp") + '|' +
        mariadb("SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables WHERE table_schema = '$db'")
def testDbExists = mariadb("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'tg_it_x_test'")
mariadb("DROP DATABASE IF EXISTS $db")

assert before == '42:9030|protected,2026-01-01T00:00:00Z,ops@shop,shop:app|orders,testguard_stamp' : 'unexpected fingerprint before: ' + before
assert after == before : 'the _dev database changed: before ' + before + ', after ' + after
assert testDbExists == '0' : 'nothing may be created'
contains(log(basedir), 'testguard:stamp', 'does not name one database', "the path says 'tg_it_x_test'",
        "the parameter dbname says '" + db + "'")
true
