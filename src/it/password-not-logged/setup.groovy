import static dev.testguard.it.ItChecks.mariadb

def token = String.format('%08d', new Random().nextInt(100_000_000))
def db = "tg_params${token}_test"
def user = "tg_params${token}"
def secret = 'Tg-env-secret-6f3a91c2'   // = invoker.environmentVariables.TESTGUARD_PASSWORD.2
mariadb("""
CREATE DATABASE ${db};
CREATE USER '${user}'@'localhost' IDENTIFIED BY '${secret}';
CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY '${secret}';
GRANT ALL PRIVILEGES ON ${db}.* TO '${user}'@'localhost';
GRANT ALL PRIVILEGES ON ${db}.* TO '${user}'@'127.0.0.1';
""")
def common = "testguard.connectTimeout=30000\ntestguard.url=jdbc:mariadb://localhost:3306/${db}\ntestguard.username=${user}\nit.db=${db}\nit.user=${user}\n"
new File(basedir, 'cli.properties').text = common + "testguard.password=${secret}\n"
new File(basedir, 'env.properties').text = common
true
