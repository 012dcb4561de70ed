// Runs once after `mvn archetype:generate`: gives the new project its own random SECRET_KEY. Velocity cannot
// make random values, so App.java is generated with a marker that is replaced here. A project whose marker
// survived (this script did not run) fails to deploy with debug off: the marker counts as a placeholder key.
import java.nio.file.Files
import java.security.SecureRandom

def project = new File(request.outputDirectory, request.artifactId)
def bytes = new byte[32]
new SecureRandom().nextBytes(bytes)
def key = bytes.collect { String.format("%02x", it & 0xff) }.join()
def marker = "__SECRET_KEY__"
def replaced = 0
new File(project, "src/main/java").eachFileRecurse { f ->
    if (f.name == "App.java") {
        def text = new String(Files.readAllBytes(f.toPath()), "UTF-8")
        if (text.contains(marker)) {
            Files.write(f.toPath(), text.replace(marker, key).getBytes("UTF-8"))
            replaced++
        }
    }
}
if (replaced != 1) {
    throw new IllegalStateException("flaskj archetype: expected one App.java with the secret key marker in "
            + project + ", found " + replaced)
}

// Both template sets were generated (fileSets cannot depend on a property): keep the chosen engine's as templates/.
def webapp = new File(project, "src/main/webapp")
def jinja = new File(webapp, "templates-jinja")
if (request.properties.get("templateEngine") == "jinja") {
    def thymeleaf = new File(webapp, "templates")
    if (!thymeleaf.deleteDir() || !jinja.renameTo(thymeleaf)) {
        throw new IllegalStateException("flaskj archetype: cannot put the Jinja templates into " + thymeleaf)
    }
    def readme = new File(project, "README.md")
    readme.setText(readme.getText("UTF-8").replace("Thymeleaf templates (`layout.html` is the page layout)",
            "Jinja templates (`layout.html` is the page layout; `TEMPLATE_ENGINE=jinja` in `App.java`)"), "UTF-8")
} else if (!jinja.deleteDir()) {
    throw new IllegalStateException("flaskj archetype: cannot delete " + jinja)
}
