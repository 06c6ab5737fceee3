def run(String sql) {
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql].execute()
    p.waitFor(); assert p.exitValue() == 0 : p.err.text
}
run('DROP DATABASE IF EXISTS tg_it_stamp_goal')
run('CREATE DATABASE tg_it_stamp_goal')
// a comment of the user's own must survive the stamp
run("COMMENT ON DATABASE tg_it_stamp_goal IS 'orders of the shop'")
true
