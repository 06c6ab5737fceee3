import static dev.testguard.it.ItChecks.*

refused(basedir, 'jdbc:postgresql://localhost:5432/tg_it_orders', 'src/main/resources/application.properties:3', 'spring.datasource.url', 'src/test/resources/application.properties')

def rows = psql('tg_it_orders', 'select count(*) from orders')
psql('postgres', 'DROP DATABASE IF EXISTS tg_it_orders')
assert rows == '25' : 'data was touched: ' + rows
true
