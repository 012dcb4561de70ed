// A project generated with -DtemplateEngine=jinja: Jinja templates as templates/, Jinjava in the WAR, config
// TEMPLATE_ENGINE=jinja in App.java; the same unit test (test client) and integration test (the WAR in embedded
// Tomcat) as the default project's passed against the Jinja pages.
def project = new File(basedir, "project/jinja-webapp")
def webapp = new File(project, "src/main/webapp")
assert !new File(webapp, "templates-jinja").exists() : "templates-jinja should have become templates/"
def layout = new File(webapp, "templates/layout.html").text
assert layout.contains("{{ url_for('static', filename='style.css') }}") : layout
assert !layout.contains("th:") : "a Thymeleaf template was kept: " + layout
def app = new File(project, "src/main/java/com/acme/jinja/App.java").text
assert app.contains('config().put("TEMPLATE_ENGINE", "jinja");') : app
assert !app.contains("#if") && !app.contains("#end") : app
assert new File(project, "README.md").text.contains("Jinja templates")

def war = new File(project, "target/jinja-webapp.war")
assert war.isFile() : "no WAR built: " + war
def names = new java.util.zip.ZipFile(war).entries().collect { it.name }
for (name in ["templates/layout.html", "templates/index.html", "templates/hello.html", "templates/login.html"]) {
    assert names.contains(name) : "missing from the WAR: " + name
}
assert names.any { it ==~ /WEB-INF\/lib\/jinjava-[0-9.]+\.jar/ } : "Jinjava is not in the WAR: " + names

evaluate(new File(basedir.parentFile, "tests-passed.groovy"))(project, "com.acme.jinja")
println "verify.groovy: Jinja project OK (" + names.size() + " WAR entries, unit test and Tomcat IT passed)"
return true
