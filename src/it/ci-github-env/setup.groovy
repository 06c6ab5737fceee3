import org.yaml.snakeyaml.Yaml

def root = new File(basedir, '../../..')
def workflow = new File(root, 'examples/ci/github-actions.yml').withReader { new Yaml().load(it) }
def job = workflow.jobs.test
def invoker = new Properties()
new File(basedir, 'invoker.properties').withInputStream { invoker.load(it) }
['CI', 'DATABASE_URL', 'BILLING_DB_URL'].each { name ->
    assert invoker.getProperty('invoker.environmentVariables.' + name) == String.valueOf(job.env[name]) :
            "${name} differs from examples/ci/github-actions.yml"
}
def run = job.steps.find { it.run?.startsWith('mvn ') }.run
assert run == 'mvn -B verify ' + invoker.getProperty('invoker.goals').substring('verify '.length()) : run
// the quickstart example, unchanged, is the project built
def quickstart = new File(root, 'examples/quickstart')
new File(basedir, 'pom.xml').text = new File(quickstart, 'pom.xml').text
def from = new File(quickstart, 'src').toPath()
def to = new File(basedir, 'src').toPath()
java.nio.file.Files.walk(from).withCloseable { paths ->
    paths.each { p ->
        def target = to.resolve(from.relativize(p).toString())
        if (java.nio.file.Files.isDirectory(p)) {
            java.nio.file.Files.createDirectories(target)
        } else {
            java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
true
