import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

ItDatabase.checkThenDropBoth(basedir) { pg, maria ->
    pg.assertIntact()
    maria.assertIntact()
    refused(basedir, 'names no port', 'mariadb localhost:3306/' + pg.name(), 'postgresql localhost:5432/' + pg.name())
}
true
