def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'target/test-ran.marker').exists() : 'a test ran although testguard had to stop the build first'
assert log.contains('testguard stopped the build before any test ran') : 'no testguard failure in build.log'
assert log.contains('jdbc:postgresql://db.example.com:5432/app_test') : 'build.log should mention ' + 'jdbc:postgresql://db.example.com:5432/app_test'
assert log.contains('maven-surefire-plugin (default-test) <systemPropertyVariables><app.db.url>') : 'build.log should mention ' + 'maven-surefire-plugin (default-test) <systemPropertyVariables><app.db.url>'
assert log.contains('db.example.com') : 'build.log should mention ' + 'db.example.com'
def report = new File(basedir, 'target/testguard/report.json')
assert report.isFile() : 'report.json missing'
assert report.text.contains('"PROTECTED"')
true
