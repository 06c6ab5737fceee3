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
assert git('log', '--oneline')[1].readLines().size() == 1

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
// the hook cleaned up its scratch export
assert new File(basedir, '.git').listFiles().findAll { it.name.startsWith('testguard-staged') }.isEmpty()
true
