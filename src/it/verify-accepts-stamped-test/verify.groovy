def log = new File(basedir, 'build.log').text
['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-qc', 'DROP DATABASE IF EXISTS tg_it_scratch'].execute().waitFor()

assert new File(basedir, 'target/test-ran.marker').exists() : 'the test did not run on a database stamped test'
assert !log.contains('testguard stopped the build')
assert log.contains('jdbc:postgresql://localhost:5432/tg_it_scratch') : 'build.log should name the database'
assert log.contains("[stamp] The database is stamped 'test' (by bob@ci") : 'build.log should say the stamp decided'
assert log.contains('live: reachable, stamped test') : 'the console report should show the live facts'
assert new File(basedir, 'target/testguard/report.json').text.contains('"TEST"')
true
