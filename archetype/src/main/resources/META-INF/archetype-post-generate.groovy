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
