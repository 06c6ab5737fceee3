def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'target/test-ran.marker').exists() : 'a test ran although testguard had to stop the build first'
assert log.contains('testguard stopped the build before any test ran') : 'no testguard failure in build.log'
assert log.contains('jdbc:postgresql://localhost:5432/quarkus_app') : 'build.log should mention ' + 'jdbc:postgresql://localhost:5432/quarkus_app'
assert log.contains('src/main/resources/application.properties:2') : 'build.log should mention ' + 'src/main/resources/application.properties:2'
def report = new File(basedir, 'target/testguard/report.json')
assert report.isFile() : 'report.json missing'
assert report.text.contains('"PROTECTED"')

assert !log.contains('prod-db') : '%prod. keys must be ignored for tests'
true
