import static dev.testguard.it.ItChecks.mariadb

// each run starts from an empty store, so the assertions see this run's backups only
new File(basedir, '../../it-backups/backup-before-tests').deleteDir()
def db = 'tg_it_shop_dev_' + UUID.randomUUID().toString().replace('-', '').substring(0, 10)
mariadb("CREATE DATABASE ${db}; USE ${db}; CREATE TABLE customers (id INT PRIMARY KEY); INSERT INTO customers SELECT seq FROM seq_1_to_25")
new File(basedir, 'src/main/resources').mkdirs() // git keeps no empty directory
new File(basedir, 'src/main/resources/application.properties').text = """spring.datasource.url=jdbc:mariadb://localhost:3306/${db}
spring.datasource.username=root
"""
new File(basedir, 'test.properties').text = """testguard.backupDir=${new File(basedir, '../../it-backups/backup-before-tests').canonicalPath}
it.db=${db}
"""
true
