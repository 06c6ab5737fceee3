def run(String sql, String db = 'postgres') {
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qc', sql].execute()
    p.waitFor(); assert p.exitValue() == 0 : p.err.text
}
run('DROP DATABASE IF EXISTS tg_it_scratch')
run('CREATE DATABASE tg_it_scratch')
// no test token in the name: only the stamp makes it a test database
run('''COMMENT ON DATABASE tg_it_scratch IS 'testguard:{"role":"test","stampedAt":"2025-01-15T09:30:00Z","stampedBy":"bob@ci","project":"com.example:scratch"}' ''')
true
