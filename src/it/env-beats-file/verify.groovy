def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'target/test-ran.marker').exists() : 'a test ran although testguard had to stop the build first'
assert log.contains('testguard stopped the build before any test ran') : 'no testguard failure in build.log'
assert log.contains('jdbc:postgresql://localhost:5432/billing') : 'build.log should mention ' + 'jdbc:postgresql://localhost:5432/billing'
assert log.contains('environment variable SPRING_DATASOURCE_URL') : 'build.log should mention ' + 'environment variable SPRING_DATASOURCE_URL'
def report = new File(basedir, 'target/testguard/report.json')
assert report.isFile() : 'report.json missing'
assert report.text.contains('"PROTECTED"')
true
