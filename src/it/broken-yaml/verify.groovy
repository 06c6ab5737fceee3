def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'target/test-ran.marker').exists()
assert log.contains('application.yml') : 'the broken file must be named'
assert !log.contains('at org.yaml.snakeyaml') : 'stack trace printed'
true
