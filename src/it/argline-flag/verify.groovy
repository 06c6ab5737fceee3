import static dev.testguard.it.ItChecks.*

refused(basedir, 'jdbc:mysql://localhost:3306/shop_dev', '<argLine>', 'dev')

assert !log(basedir).contains('s3cr3tPw') : 'password printed in build.log'
assert !new File(basedir, 'target/testguard/report.json').text.contains('s3cr3tPw') : 'password in report'
true
