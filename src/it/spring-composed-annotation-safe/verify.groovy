import static dev.testguard.it.ItChecks.*

passed(basedir, 'jdbc:h2:mem:orders', 'src/test/java/it/TestDatabase.java:14')
def report = new File(basedir, 'target/testguard/report.json').text
assert !report.contains('orders_dev') : 'the file\'s URL was reported although the only test class overrides it'
assert report.contains('"activation" : "profile ci from @ActiveProfiles on @TestDatabase on AbstractRepositoryTest') : report
true
