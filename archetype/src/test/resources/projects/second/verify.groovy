// A second generated project, only generated and validated: its SECRET_KEY must be its own.
def project = new File(basedir, "project/second-webapp")

// Each generated project has its own random SECRET_KEY (written by archetype-post-generate.groovy), never a
// placeholder; the two test projects' keys differ. Whichever of the two projects is verified second compares.
def secretKeyOf = { File appJava ->
    assert appJava.isFile() : "missing " + appJava
    def m = appJava.text =~ /config\(\)\.put\("SECRET_KEY", "([^"]*)"\)/
    assert m.find() : "no SECRET_KEY in " + appJava
    return m.group(1)
}
def ownKey = secretKeyOf(new File(project, "src/main/java/com/acme/second/App.java"))
assert ownKey ==~ /[0-9a-f]{64}/ : "SECRET_KEY is not a generated 32-byte key: " + ownKey
assert !(ownKey.toLowerCase() in ["dev", "__secret_key__", "change-me", "changeme", "secret", "development key", ""])
def sibling = new File(basedir.parentFile, "basic/project/basic-webapp/src/main/java/com/acme/web/App.java")
if (sibling.isFile()) {
    def otherKey = secretKeyOf(sibling)
    assert otherKey ==~ /[0-9a-f]{64}/ : "sibling SECRET_KEY is not generated: " + otherKey
    assert ownKey != otherKey : "two generated projects got the same SECRET_KEY"
    println "verify.groovy: generated SECRET_KEYs differ (" + ownKey.take(8) + "... vs " + otherKey.take(8) + "...)"
}
println "verify.groovy: second project has its own SECRET_KEY"
return true
