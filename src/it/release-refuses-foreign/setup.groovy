import dev.testguard.it.ItDatabase

// a test database someone else keeps (stamped test, 3 rows), then a registry edited to name it
def db = ItDatabase.createPostgres(basedir, 'db.txt', 'keep_test', 3).stamp('test')
def registry = new File(basedir, 'target/testguard/provisioned.json')
registry.parentFile.mkdirs()
registry.text = """[ {
  "name" : "${db.name()}", "server" : "edited", "createdAt" : "2026-01-01T00:00:00Z", "fork" : 1,
  "token" : "00112233445566778899aabbccddeeff"
}, {
  "name" : "${db.name()}", "server" : "edited", "createdAt" : "2026-01-01T00:00:00Z", "fork" : 2
} ]"""
true
