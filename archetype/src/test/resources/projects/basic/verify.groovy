// The generated project built a WAR holding the app, web.xml, templates and the flaskj jar; its unit test
// (test client) and its integration test (the WAR in embedded Tomcat) ran and passed.
def project = new File(basedir, "project/basic-webapp")

// Each generated project has its own random SECRET_KEY (written by archetype-post-generate.groovy), never a
// placeholder; the two test projects' keys differ. Whichever of the two projects is verified second compares.
def secretKeyOf = { File appJava ->
    assert appJava.isFile() : "missing " + appJava
    def m = appJava.text =~ /config\(\)\.put\("SECRET_KEY", "([^"]*)"\)/
    assert m.find() : "no SECRET_KEY in " + appJava
    return m.group(1)
}
def ownKey = secretKeyOf(new File(project, "src/main/java/com/acme/web/App.java"))
assert ownKey ==~ /[0-9a-f]{64}/ : "SECRET_KEY is not a generated 32-byte key: " + ownKey
assert !(ownKey.toLowerCase() in ["dev", "__secret_key__", "change-me", "changeme", "secret", "development key", ""])
def sibling = new File(basedir.parentFile, "second/project/second-webapp/src/main/java/com/acme/second/App.java")
if (sibling.isFile()) {
    def otherKey = secretKeyOf(sibling)
    assert otherKey ==~ /[0-9a-f]{64}/ : "sibling SECRET_KEY is not generated: " + otherKey
    assert ownKey != otherKey : "two generated projects got the same SECRET_KEY"
    println "verify.groovy: generated SECRET_KEYs differ (" + ownKey.take(8) + "... vs " + otherKey.take(8) + "...)"
}
def war = new File(project, "target/basic-webapp.war")
assert war.isFile() : "no WAR built: " + war
def names = new java.util.zip.ZipFile(war).entries().collect { it.name }
for (name in ["WEB-INF/classes/com/acme/web/App.class", "WEB-INF/web.xml", "templates/layout.html",
              "templates/index.html", "static/style.css"]) {
    assert names.contains(name) : "missing from the WAR: " + name
}
assert names.any { it.startsWith("WEB-INF/lib/flaskj-") }
assert !names.any { it.startsWith("WEB-INF/lib/tomcat-") } : "tomcat-embed-core is provided: the container brings its own"
assert !names.any { it.contains("override-web.xml") } : "the dev server's debug descriptor must not be packaged"
// Thymeleaf is the default engine: no Jinja templates and no Jinjava in a default project
assert !new File(project, "src/main/webapp/templates-jinja").exists()
assert !names.any { it.startsWith("WEB-INF/lib/jinjava-") } : "Jinjava is only for -DtemplateEngine=jinja"

// Velocity must not have touched Thymeleaf: ${...}, #flask and |...| survive as written.
def layout = new File(project, "src/main/webapp/templates/layout.html").text
assert layout.contains('th:href="${#flask.urlFor(\'static\', \'filename\', \'style.css\')}"') : layout
assert layout.contains('th:text="|Logged in as ${session.username}|"') : layout
def webXml = new File(project, "src/main/webapp/WEB-INF/web.xml").text
assert webXml.contains("<param-value>com.acme.web.App</param-value>") : webXml

evaluate(new File(basedir.parentFile, "tests-passed.groovy"))(project, "com.acme.web")
// The command line of the generated project, as its README runs it: `mvn -q exec:java -Dexec.args=...` finds the
// app from web.xml, runs the app's custom command, and mvn exits with the command's status.
def runCli = { String args ->
    def windows = System.getProperty("os.name").toLowerCase().contains("win")
    def mvn = new File(System.getProperty("maven.home"), "bin/" + (windows ? "mvn.cmd" : "mvn")).path
    def cmd = [mvn, "-q", "-B", "exec:java", "-Dexec.args=" + args]
    def repo = System.getProperty("maven.repo.local")
    if (repo != null) {
        cmd.add("-Dmaven.repo.local=" + repo)
    }
    def log = new File(project, "target/cli-" + args.replaceAll("[^A-Za-z0-9]", "_") + ".log")
    def proc = new ProcessBuilder(cmd).directory(project).redirectErrorStream(true).redirectOutput(log).start()
    if (!proc.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
        proc.destroyForcibly()
        assert false : "mvn exec:java " + args + " did not end within 300 s"
    }
    return [proc.exitValue(), log.text]
}
def (okStatus, okOut) = runCli("greet Ann")
assert okStatus == 0 && okOut.contains("Hello, Ann!") : "greet Ann: status " + okStatus + "\n" + okOut
def (usageStatus, usageOut) = runCli("greet")
assert usageStatus == 2 && usageOut.contains("Usage: greet NAME") : "greet: status " + usageStatus + "\n" + usageOut
def (helpStatus, helpOut) = runCli("--help")
assert helpStatus == 0 && helpOut.contains("  greet   Print a greeting for NAME.") : "--help: " + helpOut

println "verify.groovy: generated project OK (" + names.size() + " WAR entries, unit test, Tomcat IT and the greet command passed)"
return true
