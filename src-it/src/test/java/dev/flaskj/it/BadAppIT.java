package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A web.xml naming a wrong app class fails the deployment, and the container reports why. */
class BadAppIT {
    @Test
    void missingAppClassFailsDeploymentNamingTheClass() throws Exception {
        String message = failedDeployment("com.example.DoesNotExist");
        assertTrue(message.contains("com.example.DoesNotExist"), message);
        assertTrue(message.contains("class not found"), message);
        assertTrue(message.contains("filter init-param 'app'"), message);
    }

    @Test
    void classThatIsNotAnAppFailsDeploymentSayingSo() throws Exception {
        String message = failedDeployment("java.lang.String");
        assertTrue(message.contains("'java.lang.String'"), message);
        assertTrue(message.contains("not a subclass of dev.flaskj.Flask"), message);
    }

    private static String failedDeployment(String appClass) throws Exception {
        Path dir = Containers.explode(Containers.exampleWar(), "bad");
        Path webXml = dir.resolve("WEB-INF/web.xml");
        Files.writeString(webXml, Files.readString(webXml).replace("com.example.Hello", appClass));
        DeploymentFailedException e = assertThrows(DeploymentFailedException.class,
                () -> Containers.deploy(dir, "bad").close());
        return e.allMessages();
    }
}
