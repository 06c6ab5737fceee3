import static dev.testguard.it.ItChecks.mariadb

// each run starts from an empty store, so the assertions see this run's backups only
new File(basedir, '../../it-backups/backup-mariadb').deleteDir()
def token = UUID.randomUUID().toString().replace('-', '').substring(0, 10)
def db = 'tg_it_maria_' + token
def user = 'tg_it_' + token
def secret = 'pw-' + UUID.randomUUID()
mariadb("""
CREATE DATABASE ${db} CHARACTER SET utf8mb4;
CREATE USER '${user}'@'localhost' IDENTIFIED BY '${secret}';
CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY '${secret}';
GRANT ALL PRIVILEGES ON *.* TO '${user}'@'localhost';
GRANT ALL PRIVILEGES ON *.* TO '${user}'@'127.0.0.1';
USE ${db};
CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(40) NOT NULL, price DECIMAL(8,2));
CREATE TABLE tags (item INT NOT NULL, tag VARCHAR(20) NOT NULL, FOREIGN KEY (item) REFERENCES items(id));
INSERT INTO items SELECT seq, CONCAT('item ', seq, ' é'), seq / 4 FROM seq_1_to_300;
INSERT INTO tags SELECT seq, 'red' FROM seq_1_to_120;
""")
def props = """testguard.url=jdbc:mariadb://localhost:3306/${db}
testguard.username=${user}
testguard.password=${secret}
testguard.backupDir=${new File(basedir, '../../it-backups/backup-mariadb').canonicalPath}
it.db=${db}
it.user=${user}
"""
new File(basedir, 'test.properties').text = props
new File(basedir, 'restore.properties').text = props + "testguard.restoreTo=${db}_copy\ntestguard.confirm=${db}_copy\n"
true
