// Run by the plugin's own build (maven-invoker-plugin): the safe example passes and its test ran.
def log = new File(basedir, 'build.log').text
assert log.contains('testguard: 1 JDBC URL(s) checked')
assert log.contains('jdbc:h2:mem:notes_test')
assert log.contains('Tests run: 1, Failures: 0')
true
