import groovy.json.JsonSlurper

def props = new Properties()
new File(basedir, 'test.properties').withInputStream { props.load(it) }
def db = props.getProperty('it.db')
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("testguard: backing up the main datasource jdbc:postgresql://localhost:5432/${db} from spring.datasource.url"
            + " (src/main/resources/application.properties:1) is local and not a test database")
    assert log =~ /testguard: backed up jdbc:postgresql:\/\/localhost:5432\/${db} as \S+/
    def store = new File(basedir, '../../it-backups/backup-main-datasource')
    def manifests = store.listFiles().findAll { new File(it, 'manifest.json').isFile() }
            .collect { new JsonSlurper().parse(new File(it, 'manifest.json')) }
    assert manifests*.database*.name == [db]
    assert manifests[0].rowCounts == ['public.products': 42]
    assert !log.contains(props.getProperty('it.secret'))
} finally {
    ['psql', '-h', 'localhost', '-U', 'postgres', '-qc', "DROP DATABASE IF EXISTS ${db} WITH (FORCE)"].execute().waitFor()
}
true
