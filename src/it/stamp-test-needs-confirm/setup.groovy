def run(String sql, String db = 'postgres') {
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qc', sql].execute()
    p.waitFor(); assert p.exitValue() == 0 : p.err.text
}
run('DROP DATABASE IF EXISTS tg_it_stamp_confirm')
run('CREATE DATABASE tg_it_stamp_confirm')
run('CREATE TABLE customers(id int primary key); INSERT INTO customers SELECT generate_series(1, 25000); ANALYZE customers',
        'tg_it_stamp_confirm')
true
