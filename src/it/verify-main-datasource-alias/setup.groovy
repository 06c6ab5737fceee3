def run(String sql, String db = 'postgres') {
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qc', sql].execute()
    p.waitFor(); assert p.exitValue() == 0 : p.err.text
}
run('DROP DATABASE IF EXISTS tg_it_shared_test')
run('CREATE DATABASE tg_it_shared_test')
run('CREATE TABLE accounts(id int primary key); INSERT INTO accounts SELECT generate_series(1, 7)', 'tg_it_shared_test')
true
