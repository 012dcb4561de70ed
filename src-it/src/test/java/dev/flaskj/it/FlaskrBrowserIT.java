package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's visit in a real browser (headless Chromium from Debian's {@code chromium} and {@code chromium-driver}):
 * register, log in, see the flash message, write a post, upload a file, log out. It runs once, on Tomcat 11, in the
 * it-devloop execution with the other browser checks (src-it/pom.xml).
 */
@ExtendWith(ExampleServer.class)
class FlaskrBrowserIT {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    // Selenium ships DevTools (CDP) modules only for some Chromium versions and warns about the others; this test
    // uses plain WebDriver only. Held in a field: JUL keeps loggers weakly.
    private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        CDP_LOG.setLevel(Level.SEVERE);
    }

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("FlaskrBrowserIT needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver (the test command, bash .ci/run, does it as root)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Containers.workDir("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Clicks a submit button and waits until the next page shows a flashed message containing {@code text}. */
    private WebElement submitAndWaitForFlash(String buttonId, String text) {
        browser.findElement(By.id(buttonId)).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//p[contains(@class, 'flash') and contains(., \"" + text + "\")]")));
    }

    private void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    @Test
    void registerLogInPostUploadLogOut(TestServer server) throws Exception {
        String name = FlaskrIT.uniqueName("ada");
        browser.get(server.uri("/myapplication/").toString());
        assertEquals("flaskj: the Flask quickstart in Java", browser.getTitle());

        browser.findElement(By.linkText("register")).click();
        wait.until(ExpectedConditions.titleIs("Register - Flaskr"));
        fill("username", name);
        fill("password", "correct horse");
        assertTrue(submitAndWaitForFlash("register", "Please log in.").getAttribute("class").contains("success"));

        fill("username", name);
        fill("password", "correct horse");
        WebElement welcome = submitAndWaitForFlash("login", "Welcome, " + name + "!");
        assertTrue(welcome.getAttribute("class").contains("success"));
        assertEquals("Posts - Flaskr", browser.getTitle());

        String title = FlaskrIT.uniqueName("From the browser");
        browser.findElement(By.id("new")).click();
        wait.until(ExpectedConditions.titleIs("New Post - Flaskr"));
        fill("title", title);
        fill("body", "Written <in> Chromium");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("article.post"), title));
        assertTrue(browser.findElement(By.cssSelector("article.post p.body")).getText()
                .contains("Written <in> Chromium"), "the body is shown as text, not markup");

        Path file = Containers.workDir("browser-upload").resolve("hello from chromium.txt");
        Files.writeString(file, "uploaded by " + name, StandardCharsets.UTF_8);
        browser.get(server.uri("/myapplication/upload").toString());
        browser.findElement(By.name("the_file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//p[contains(@class, 'flash') and . = 'Uploaded hello_from_chromium.txt']")));
        // Uploads are served as downloads (never inline from the app's origin): fetch the link's target directly.
        String href = browser.findElement(By.linkText("hello_from_chromium.txt")).getAttribute("href");
        var download = Http.get(java.net.URI.create(href));
        assertEquals(200, download.statusCode());
        assertEquals("uploaded by " + name, download.body());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"),
                download.headers().map().toString());
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));

        browser.get(server.uri("/myapplication/flaskr/").toString());
        browser.findElement(By.xpath("//nav//a[. = 'Log out' and contains(@href, '/flaskr/auth/logout')]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//p[contains(@class, 'flash') and . = 'You were logged out.']")));
        List<WebElement> newPost = browser.findElements(By.id("new"));
        assertTrue(newPost.isEmpty(), "logged out: no 'New post' link");
    }
}
