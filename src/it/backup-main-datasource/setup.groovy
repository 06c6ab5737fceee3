// each run starts from an empty store, so the assertions see this run's backups only
new File(basedir, '../../it-backups/backup-main-datasource').deleteDir()
def psql(String sql) {
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql].execute()
    def err = new StringBuilder(); p.consumeProcessErrorStream(err); p.waitFor()
    assert p.exitValue() == 0 : err
}
def db = 'tg_it_shop_dev_' + UUID.randomUUID().toString().replace('-', '').substring(0, 10)
def secret = 'pw-' + UUID.randomUUID()
psql("CREATE DATABASE ${db}")
def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qc',
         'CREATE TABLE products (id int PRIMARY KEY, name text); INSERT INTO products SELECT g, \'p\' || g FROM generate_series(1, 42) g'].execute()
p.waitFor(); assert p.exitValue() == 0
new File(basedir, 'src/main/resources').mkdirs() // git keeps no empty directory
new File(basedir, 'src/main/resources/application.properties').text = """spring.datasource.url=jdbc:postgresql://localhost:5432/${db}
spring.datasource.username=postgres
spring.datasource.password=${secret}
"""
new File(basedir, 'test.properties').text = """testguard.backupDir=${new File(basedir, '../../it-backups/backup-main-datasource').canonicalPath}
it.db=${db}
it.secret=${secret}
"""
true
