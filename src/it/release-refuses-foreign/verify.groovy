import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'db.txt')
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('testguard:release left these databases alone, nothing in them was touched') : 'release was not refused'
    assert log.contains(db.name() + ' (it does not hold the provision token of this build') : 'the refusal should name the database and why'
    assert !log.contains('testguard:release dropped') : 'release claimed to drop something'
    db.assertIntact()
} finally {
    db.drop()
}
true
