// A git repository whose .mvn/maven.config points Maven (the hook's too) at the ITs' local repository, with the
// repository id the invoker's settings resolved it from, so that the hook's offline Maven accepts what is there.
def git(String... args) {
    def p = (['git'] + args.toList()).execute(null, basedir)
    def out = p.text
    assert p.waitFor() == 0 : "git ${args.join(' ')} failed: ${out}${p.err.text}"
    out
}
new File(basedir, '.mvn').mkdirs()
def settings = new File(basedir, '.mvn/it-settings.xml')
settings.text = """<settings><profiles><profile><id>it-repo</id><activation><activeByDefault>true</activeByDefault></activation>
<repositories><repository><id>local.central</id><url>${new File(localRepositoryPath.toString()).toURI()}</url></repository></repositories>
<pluginRepositories><pluginRepository><id>local.central</id><url>${new File(localRepositoryPath.toString()).toURI()}</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>
"""
new File(basedir, '.mvn/maven.config').text = "-Dmaven.repo.local=${localRepositoryPath}\n-s\n${settings.canonicalPath}\n"
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n*.groovy\ninvoker.properties\n'
git('init', '-q')
git('config', 'user.email', 'it@testguard.dev')
git('config', 'user.name', 'testguard IT')
git('config', 'commit.gpgsign', 'false')
git('add', '-A')
git('commit', '-q', '-m', 'first')
true
