import static dev.testguard.it.ItChecks.*

def log = log(basedir)
assert !new File(basedir, 'target/test-ran.marker').exists()
contains(log, 'testguard cannot check this build', 'src/test/resources/application.yml',
        'aliases expand to more than')
assert !log.contains('Java heap space') : 'ran out of memory'
assert !log.contains('OutOfMemoryError') : 'ran out of memory'
assert !log.contains('at org.yaml.snakeyaml') : 'stack trace printed'
assert !log.contains('at dev.testguard') : 'stack trace printed'
true
