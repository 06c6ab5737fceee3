import static dev.testguard.it.ItChecks.*

// Commits through the installed hook: an unsafe staged change is refused, a safe one accepted, and the hook judges
// the staged content, not the work tree.
def exec(List<String> command) {
    def pb = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
    pb.environment().put('CI', 'false')
    def p = pb.start()
    def out = p.inputStream.text
    p.waitFor()
    [p.exitValue(), out]
}
def git(String... args) { exec(['git'] + args.toList()) }
def pom = new File(basedir, 'app/pom.xml')
def safe = pom.text
def hook = new File(basedir, '.git/hooks/pre-commit')

contains(log(basedir), 'testguard: created ' + hook.canonicalPath)
assert hook.canExecute()
assert !new File(basedir, 'app/.git').exists()

// 1. unsafe change staged: refused, nothing committed
pom.text = safe.replace('orders_test', 'orders_dev')
assert git('add', 'app/pom.xml')[0] == 0
def (status, out) = git('commit', '-m', 'use the dev database')
println out
assert status != 0 : "the hook let an unsafe commit through:\n${out}"
contains(out, 'orders_dev', 'PROTECTED', 'testguard: commit refused')
assert !out.contains('[cds') && !out.contains('shared archive') : "the JVM's class-data messages reached the commit:\n${out}"
assert git('log', '--oneline')[1].readLines().size() == 1
// the first check wrote the JVM class-data archive the next ones start from
def cache = new File(basedir, '.git/testguard-cache')
assert cache.listFiles().findAll { it.name.endsWith('.jsa') }.size() == 1 : "no class-data archive in ${cache}: ${cache.list()}"
assert cache.listFiles().findAll { it.name.endsWith('.tmp') }.isEmpty()

// 2. safe change staged: accepted
pom.text = safe.replace('orders_test', 'orders_v2_test')
assert git('add', 'app/pom.xml')[0] == 0
(status, out) = git('commit', '-m', 'new test database')
println out
assert status == 0 : "the hook refused a safe commit:\n${out}"

// 3. the staged content counts, not the work tree: an unsafe edit left unstaged does not block a safe commit
pom.text = safe.replace('orders_test', 'orders_prod')
new File(basedir, 'app/notes.txt').text = 'a staged file the check cannot rule out, so the full check runs\n'
assert git('add', 'app/notes.txt')[0] == 0
(status, out) = git('commit', '-m', 'notes')
println out
assert status == 0 : "the hook judged the unstaged work tree:\n${out}"
assert git('show', 'HEAD:app/pom.xml')[1].contains('orders_v2_test')
assert git('log', '--oneline')[1].readLines().size() == 3
// 4. only Java sources staged: nothing the check reads changed, the hook lets it through at once
new File(basedir, 'app/src/main/java/app').mkdirs()
new File(basedir, 'app/src/main/java/app/App.java').text = 'package app; class App {}\n'
assert git('add', 'app/src/main/java/app/App.java')[0] == 0
(status, out) = git('commit', '-m', 'code')
assert status == 0 : "the hook refused a source-only commit:\n${out}"
assert git('log', '--oneline')[1].readLines().size() == 4
// 5. a staged test class is read by the check (@TestPropertySource beats application.properties): refused
new File(basedir, 'app/src/test/java/app').mkdirs()
def testClass = new File(basedir, 'app/src/test/java/app/OrdersTest.java')
testClass.text = """package app;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
@TestPropertySource(properties = "spring.datasource.url=jdbc:postgresql://localhost:5432/orders_live")
class OrdersTest {
    @Test
    void wipes() {
    }
}
"""
assert git('add', 'app/src/test/java/app/OrdersTest.java')[0] == 0
(status, out) = git('commit', '-m', 'a test class naming the live database')
println out
assert status != 0 : "the hook let a test class naming a live database through:\n${out}"
contains(out, 'orders_live', 'PROTECTED', 'testguard: commit refused')
assert git('log', '--oneline')[1].readLines().size() == 4
assert git('reset', '-q', 'HEAD', 'app/src/test/java/app/OrdersTest.java')[0] == 0
testClass.delete()
// the hook cleaned up its scratch export
assert new File(basedir, '.git').listFiles().findAll { it.name.startsWith('testguard-staged') }.isEmpty()
// 6. uninstall-hook removes the hook and its class-data cache
def coordinates = (hook.text =~ /'([^']+):verify'/)[0][1]
def maven = (hook.text =~ /TESTGUARD_MVN:-'([^']+)'/)[0][1]
(status, out) = exec([maven, '-o', '-q', '-B', coordinates + ':uninstall-hook'])
assert status == 0 : out
assert !hook.exists() && !cache.exists()
true
