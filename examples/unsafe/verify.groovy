// Run by the plugin's own build (maven-invoker-plugin): the unsafe example must stop before its test runs.
def log = new File(basedir, 'build.log').text
assert log.contains('testguard stopped the build before any test ran')
assert log.contains('jdbc:h2:./data/notes-dev')
assert log.contains('src/main/resources/application.properties:2')
assert log.contains('add src/test/resources/application.properties (it hides this file from tests)')
assert !new File(basedir, 'target/surefire-reports').exists() : 'a test ran'
true
