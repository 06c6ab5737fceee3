import static dev.testguard.it.ItChecks.*

def log = log(basedir)
assert !new File(basedir, 'target/test-ran.marker').exists()
contains(log, 'testguard cannot check this build', 'src/test/resources/application.yml')
assert !log.contains('at org.yaml.snakeyaml') : 'stack trace printed'
true
