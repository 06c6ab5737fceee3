import static dev.testguard.it.ItChecks.*

passed(basedir,
        'EPHEMERAL',
        'the Testcontainers @ServiceConnection field container (MySqlIntegrationTests.java:24)',
        "Spring Boot's Docker Compose support (spring.docker.compose.skip.in-tests=false",
        'for test class MySqlIntegrationTests (src/test/java/org/springframework/samples/petclinic/MySqlIntegrationTests.java:22)',
        'profile mysql from @ActiveProfiles on MySqlIntegrationTests',
        'profile postgres from @ActiveProfiles on PostgresIntegrationTests')
def report = new File(basedir, 'target/testguard/report.json').text
assert !report.contains('"PROTECTED"') : report
assert report.contains('"testClasses" : [ "PostgresIntegrationTests (') : report
// the @JdbcTest really ran on its embedded database
assert testOutput(basedir).contains('ClinicServiceTests') || new File(basedir, 'target/surefire-reports').list().any { it.contains('ClinicServiceTests') }
true
