import static dev.testguard.it.ItChecks.*

refused(basedir, 'jdbc:mysql://prod-db.internal:3306/shop', 'src/main/resources/META-INF/persistence.xml:5')
true
