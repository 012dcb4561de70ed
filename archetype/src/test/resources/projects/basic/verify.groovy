// The generated project built a WAR holding the app class, web.xml, and the flaskj jar.
def war = new File(basedir, "project/basic-webapp/target/basic-webapp.war")
assert war.isFile() : "no WAR built: " + war
def names = new java.util.zip.ZipFile(war).entries().collect { it.name }
assert names.contains("WEB-INF/classes/com/acme/web/App.class")
assert names.contains("WEB-INF/web.xml")
assert names.contains("templates/hello.html")
assert names.any { it.startsWith("WEB-INF/lib/flaskj-") }
def template = new File(basedir, "project/basic-webapp/src/main/webapp/templates/hello.html").text
assert template.contains('${name}') : "Thymeleaf expressions must survive generation"
println "verify.groovy: generated WAR OK (" + names.size() + " entries)"
return true
