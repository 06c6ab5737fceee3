def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'target/test-ran.marker').exists() : 'a test ran although testguard had to stop the build first'
assert log.contains('testguard stopped the build before any test ran') : 'no testguard failure in build.log'
assert log.contains('jdbc:mysql://localhost:3306/shop_dev') : 'build.log should mention ' + 'jdbc:mysql://localhost:3306/shop_dev'
assert log.contains('<argLine>') : 'build.log should mention ' + '<argLine>'
assert log.contains('dev') : 'build.log should mention ' + 'dev'
def report = new File(basedir, 'target/testguard/report.json')
assert report.isFile() : 'report.json missing'
assert report.text.contains('"PROTECTED"')

assert !log.contains('s3cr3tPw') : 'password printed in build.log'
assert !new File(basedir, 'target/testguard/report.json').text.contains('s3cr3tPw') : 'password in report'
true
