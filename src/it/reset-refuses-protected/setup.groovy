def psql(String sql, String db = 'postgres') {
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', db, '-qc', sql].execute()
    p.waitFor()
    assert p.exitValue() == 0 : p.err.text
}
psql('DROP DATABASE IF EXISTS tg_it_orders_dev')
psql('CREATE DATABASE tg_it_orders_dev')
psql("CREATE TABLE orders (id int); INSERT INTO orders VALUES (1), (2), (3)", 'tg_it_orders_dev')
true
