import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase
import groovy.json.JsonSlurper

def safe = ItDatabase.postgres(basedir, 'orders-safe/database.txt')
def unsafe = ItDatabase.postgres(basedir, 'billing-unsafe/database.txt')
try {
    unsafe.assertIntact()
    def log = log(basedir)
    assert log.contains('MultiThreadedBuilder') : 'the reactor was not built with -T2'
    assert log =~ /orders-safe \.+ SUCCESS/ : 'orders-safe did not succeed'
    assert log =~ /billing-unsafe \.+ FAILURE/ : 'billing-unsafe did not fail'
    assert log.contains(REFUSED_AT_RUNTIME)

    // each module's test JVM was armed and recorded its own connections, under its own target/: nothing of the
    // other module, one record file per fork, every line whole JSON
    def records = { String module ->
        def dir = new File(basedir, module + '/target/testguard/runtime')
        def files = dir.listFiles({ f -> f.name.endsWith('.jsonl') } as FileFilter)
        assert files != null && files.length == 1 : module + ': expected the record file of its one fork: ' + files
        files[0].readLines().findAll { it.trim() }.collect { new JsonSlurper().parseText(it) }
    }
    def ordersRecords = records('orders-safe')
    def billingRecords = records('billing-unsafe')
    [ordersRecords, billingRecords].each { r -> assert r.count { it.event == 'armed' } == 1 : r }
    def ordersConnections = ordersRecords.findAll { it.event == 'connection' }
    def billingConnections = billingRecords.findAll { it.event == 'connection' }
    assert ordersConnections && ordersConnections.every {
        it.testClass == 'it.OrdersRepositoryTest' && !it.refused && it.database.contains(safe.name())
    } : ordersConnections
    assert billingConnections && billingConnections.every {
        it.testClass == 'it.BillingCleanupTest' && it.refused && it.database.contains(unsafe.name())
    } : billingConnections
    assert ordersRecords.findAll { it.event == 'armed' }*.token != billingRecords.findAll { it.event == 'armed' }*.token

    // each module's report: its own database only
    def report = { String module -> new JsonSlurper().parse(new File(basedir, module + '/target/testguard/report.json')) }
    def ordersReport = report('orders-safe').runtime
    def billingReport = report('billing-unsafe').runtime
    assert !ordersReport.failed && ordersReport.databases*.database == ['postgresql://localhost:5432/' + safe.name()]
    assert billingReport.failed && billingReport.databases*.database == ['postgresql://localhost:5432/' + unsafe.name()]
} finally {
    safe.drop()
    unsafe.drop()
}
true
