import static dev.testguard.it.ItChecks.*

def db = 'tg_it_shop_dev_' + Long.toHexString(new Random().nextLong() & 0xffffffffL)
new File(basedir, 'dev-db.txt').text = db
mariadb("CREATE DATABASE $db")
mariadb("CREATE TABLE ${db}.orders (id int primary key, total int)")
mariadb("INSERT INTO ${db}.orders VALUES " + (1..42).collect { "($it, ${it * 10})" }.join(','))
mariadb("CREATE TABLE ${db}.testguard_stamp (role VARCHAR(16) NOT NULL, stamped_at VARCHAR(40) NOT NULL, stamped_by VARCHAR(255), project VARCHAR(255))")
mariadb("INSERT INTO ${db}.testguard_stamp VALUES ('protected', '2026-01-01T00:00:00Z', 'ops@shop', 'shop:app')")
new File(basedir, 'fingerprint-before.txt').text = fingerprint(db)
// the path names a test database and confirms it; dbname names the protected _dev database
new File(basedir, 'test.properties').text =
        "testguard.url=jdbc:mariadb://127.0.0.1:3306/tg_it_x_test?dbname=$db\n" +
        "testguard.username=root\n" +
        "testguard.role=test\n" +
        "testguard.confirm=tg_it_x_test\n"

static String fingerprint(String db) {
    mariadb("SELECT CONCAT(COUNT(*), ':', SUM(total)) FROM ${db}.orders") + '|' +
            mariadb("SELECT CONCAT_WS(',', role, stamped_at, stamped_by, project) FROM ${db}.testguard_stamp") + '|' +
            mariadb("SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables WHERE table_schema = '$db'")
}
true
