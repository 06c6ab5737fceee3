def props = new Properties()
new File(basedir, 'test.properties').withInputStream { props.load(it) }
def db = props.getProperty('it.db')
try {
    def backups = new File(basedir, '../../it-backups/secrets-never-printed')
    def log = new File(basedir, 'build.log').text
    assert log =~ /(?s)orders_dev/ : 'the refused verify names the database'
    def scanned = []
    def files = [new File(basedir, 'build.log')]
    new File(basedir, 'target').eachFileRecurse { if (it.isFile()) files << it }
    if (backups.isDirectory()) {
        backups.eachFileRecurse { if (it.isFile() && it.name.endsWith('.json')) files << it }
    }
    assert files.any { it.name == 'manifest.json' } : 'the backup wrote a manifest'
    assert files.any { it.name == 'report.json' } : 'verify wrote its report'
    for (f in files) {
        def text = f.getText('UTF-8')
        for (piece in ['Zq81', 'Leak/x', 'Zq81%2D', 'Pw%20Zq81', 'Pw+Zq81']) {
            assert !text.contains(piece) : "${f} shows '${piece}' of the password"
        }
        scanned << f.name
    }
    println "scanned for the password: ${scanned}"
} finally {
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-qc', "DROP DATABASE IF EXISTS ${db}"].execute()
    p.waitFor()
}
true
