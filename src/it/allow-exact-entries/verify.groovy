import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

ItDatabase.checkThenDropBoth(basedir) { pg, maria ->
    pg.assertIntact()
    maria.assertIntact()
    passed(basedir, 'OVERRIDE lifted exactly mariadb localhost:3306/' + pg.name() + ' (allowed by localhost:3306/' + pg.name() + ')',
            'OVERRIDE lifted exactly postgresql localhost:5432/' + pg.name() + ' (allowed by postgresql://localhost/' + pg.name() + ')')
    assert new File(basedir, 'target/testguard/report.json').text.contains('"lifted" : [ "postgresql localhost:5432/' + pg.name())
}
true
