def run(String sql, String db = 'postgres') {
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qc', sql].execute()
    p.waitFor(); assert p.exitValue() == 0 : p.err.text
}
run('DROP DATABASE IF EXISTS tg_it_ledger_test')
run('CREATE DATABASE tg_it_ledger_test')
run('CREATE TABLE entries(id int primary key); INSERT INTO entries SELECT generate_series(1, 12)', 'tg_it_ledger_test')
// the exact comment PostgresStampStore writes: the name says test, the stamp says protected
run('''COMMENT ON DATABASE tg_it_ledger_test IS 'testguard:{"role":"protected","stampedAt":"2025-01-15T09:30:00Z","stampedBy":"alice@laptop","project":"com.example:ledger"}' ''')
true
