def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'target/test-ran.marker').exists() : 'a test ran although testguard had to stop the build first'
assert log.contains('testguard stopped the build before any test ran') : 'no testguard failure in build.log'
assert log.contains('jdbc:mysql://prod-db.internal:3306/shop') : 'build.log should mention ' + 'jdbc:mysql://prod-db.internal:3306/shop'
assert log.contains('src/main/resources/META-INF/persistence.xml:5') : 'build.log should mention ' + 'src/main/resources/META-INF/persistence.xml:5'
def report = new File(basedir, 'target/testguard/report.json')
assert report.isFile() : 'report.json missing'
assert report.text.contains('"PROTECTED"')
true
