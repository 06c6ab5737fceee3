def log = new File(basedir, 'build.log').text
def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-Atc',
         "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'tg_it_stamp_confirm'"].execute()
p.waitFor()
def comment = p.text.trim()
['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-qc', 'DROP DATABASE IF EXISTS tg_it_stamp_confirm'].execute().waitFor()

// first invocation: refused, and told how to confirm
assert log.contains('testguard refuses to stamp jdbc:postgresql://localhost:5432/tg_it_stamp_confirm') : 'the unconfirmed stamp was not refused'
assert log.contains('25,000 rows') : 'the refusal should give the row estimate'
assert log.contains('-Dtestguard.confirm=tg_it_stamp_confirm') : 'the refusal should name the confirm flag'
// second invocation: confirmed, stamped
assert log.contains('Stamped jdbc:postgresql://localhost:5432/tg_it_stamp_confirm') : 'the confirmed stamp was not written'
assert comment.startsWith('testguard:{"role":"test"') : 'unexpected database comment: ' + comment
true
