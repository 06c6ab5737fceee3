import static dev.testguard.it.ItChecks.*

refused(basedir, 'jdbc:postgresql://db.example.com:5432/app_test', 'maven-surefire-plugin (default-test) <systemPropertyVariables><app.db.url>', 'db.example.com')
true
