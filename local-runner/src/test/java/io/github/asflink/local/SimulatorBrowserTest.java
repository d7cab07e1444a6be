package io.github.asflink.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.asflink.local.demoorg.ConnectedApp;
import io.github.asflink.local.demoorg.DemoOrg;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The simulator page in a real headless Chromium (the system's chromium and chromedriver, never a download), against
 * the embedded demo org and the real functions, as a developer uses it: link, talk, break things. Each state is saved
 * as a screenshot under {@code target/screenshots/}. Without chromium the tests are skipped, or fail when {@code CI}
 * is set (CI installs it).
 */
@Tag("browser")
class SimulatorBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static final PrintStream LOG_STREAM = new PrintStream(LOG, true, StandardCharsets.UTF_8);

    private static DemoOrg org;
    private static LocalServer server;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private String testName;
    private int shot;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            fail("CI is set but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: apt-get install -y chromium "
                    + "chromium-driver");
        }
        Assumptions.assumeTrue(present, "skipping the simulator browser tests: " + CHROMIUM + " and "
                + CHROMEDRIVER + " are needed (Debian: apt-get install chromium chromium-driver)");
        org = DemoOrg.start(0, Clock.systemUTC(), LOG_STREAM);
        String template;
        try (InputStream in = SimulatorBrowserTest.class.getResourceAsStream("/e2e-template.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        LocalFunctions functions = new LocalFunctions(SamTemplate.parse(template), EnvVarsFile.EMPTY, Map.of(),
                Clock.systemUTC(), LOG_STREAM);
        server = LocalRunner.startServer(functions, 0, Demo.tokenSettings(org.origin()),
                Demo.skillSettings(org.origin()), LocalRunner.demoBrowserSettings(org.origin()), LOG_STREAM);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1360,1000", "--no-first-run", "--no-default-browser-check");
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (org != null) {
            org.close();
        }
    }

    @BeforeEach
    void freshBrowserSession(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        shot = 0;
        browser.manage().deleteAllCookies();
        org.outage().set(io.github.asflink.local.demoorg.Outage.Mode.NORMAL, Duration.ZERO);
    }

    @Test
    void linksWithHttpBasicAndPkceAndAsksForThePipeline() throws IOException {
        link("basic", true);
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertTrue(timeline.contains("PKCE on"), timeline);
        assertTrue(timeline.contains("Alexa stores the linked token"), timeline);
        openDetails("#timeline details");
        String requests = browser.findElement(By.id("timeline")).getText();
        assertTrue(requests.contains("Authorization: Basic "), requests);
        assertTrue(requests.contains("code_verifier="), "PKCE verifier sent: " + requests);
        assertTrue(requests.contains("\"expires_in\": 5400"), requests);
        screenshot("linked-timeline");

        String said = say("how is my pipeline");
        assertTrue(said.contains("open opportunities"), said);
        screenshot("pipeline");
        noSecretOnThePage();
    }

    @Test
    void linksWithCredentialsInTheBodyAndShowsTheRelinkPromptOnceTheTokenExpires() throws IOException {
        link("body", true);
        openDetails("#timeline details");
        String requests = browser.findElement(By.id("timeline")).getText();
        assertTrue(requests.contains("client_secret=DEMO-O…"), "credentials in the body, masked: " + requests);
        assertFalse(requests.contains("Authorization: Basic"), requests);
        screenshot("linked-body-credentials");

        String heard = breakThings("expire");
        assertTrue(heard.contains("sign-in has expired"), heard);
        String conversation = browser.findElement(By.id("conversation")).getText();
        assertTrue(conversation.contains("Card: LinkAccount"), conversation);
        assertTrue(browser.findElement(By.id("break-result")).getText().contains("What to change"),
                "the page explains the re-link");
        screenshot("expired-relink");
        browser.executeScript("window.scrollTo(0, 0)");
        screenshot("expired-relink-top");

        breakThings("refresh");
        String answer = browser.findElement(By.id("break-result")).getText();
        assertTrue(answer.contains("The token endpoint answered: 200"), answer);
        assertTrue(say("how is my pipeline").contains("open opportunities"), "a refreshed token works again");
        screenshot("refreshed");
        noSecretOnThePage();
    }

    @Test
    void takingSalesforceDownGetsTheApologyAndTheTokenEndpointsAnswer() throws IOException {
        link("basic", false);
        String heard = breakThings("down");
        assertTrue(heard.contains("couldn't get an answer from Salesforce"), heard);
        String result = browser.findElement(By.id("break-result")).getText();
        assertTrue(result.contains("The token endpoint answered: 503"), result);
        screenshot("salesforce-down");
        breakThings("normal");
        assertTrue(say("what are my open cases").contains("open cases"), "back to normal");
    }

    @Test
    void playsTheReminderDialogAsAlexaDoes() throws IOException {
        link("basic", false);
        String asked = say("remind me to call Globex");
        assertTrue(asked.contains("On which day"), asked);
        screenshot("dialog-asks-day");
        String confirm = say("tomorrow");
        assertTrue(confirm.startsWith("Should I add a Salesforce task to call Globex, due "), confirm);
        screenshot("dialog-confirms");
        String done = say("yes");
        assertTrue(done.contains("added a task to call Globex"), done);
        String latest = browser.findElement(By.cssSelector("#conversation > li.turn")).getText();
        assertTrue(latest.contains("dialogState COMPLETED"), latest);
        assertTrue(latest.contains("confirmationStatus CONFIRMED"), latest);
        screenshot("dialog-done");

        browser.findElement(By.cssSelector("#intent-details summary")).click();
        new Select(browser.findElement(By.id("intent")))
                .selectByValue("OpenCasesIntent");
        int before = actions();
        browser.findElement(By.cssSelector("#intent-form button[type=submit]")).click();
        wait.until(d -> actions() > before);
        String cases = browser.findElement(By.cssSelector("#conversation > li.turn .speech")).getText();
        assertTrue(cases.contains("open cases"), "an intent picked in the form: " + cases);
        screenshot("intent-form");
    }

    private void link(String scheme, boolean pkce) throws IOException {
        browser.get("http://localhost:" + server.port() + "/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("org-line"), "demo org"));
        browser.findElement(By.cssSelector("input[name=scheme][value=" + scheme + "]")).click();
        WebElement pkceBox = browser.findElement(By.id("pkce"));
        if (pkceBox.isSelected() != pkce) {
            pkceBox.click();
        }
        screenshot("before-link");
        browser.findElement(By.id("link-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(org.origin() + "/services/oauth2/authorize?"));
        assertEquals(pkce, browser.getCurrentUrl().contains("code_challenge_method=S256"));
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys("ada@demo.example");
        browser.findElement(By.id("pw")).sendKeys("demo");
        screenshot("org-login");
        browser.findElement(By.cssSelector("input[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#linked .linked-token")));
        String linked = browser.findElement(By.id("linked")).getText();
        assertTrue(linked.contains("instance URL " + org.origin()), linked);
        assertTrue(linked.contains("expires_in 5400 s"), linked);
    }

    /** Types an utterance, waits for the answer and returns what Alexa says. */
    private String say(String words) {
        int before = actions();
        WebElement input = browser.findElement(By.id("utterance"));
        input.sendKeys(words);
        input.submit();
        wait.until(d -> actions() > before);
        return browser.findElement(By.cssSelector("#conversation > li.turn .speech")).getText();
    }

    /** Presses a "Break things" button and returns what the user would hear (empty when nothing was probed). */
    private String breakThings(String action) {
        int before = actions();
        browser.findElement(By.cssSelector("button[data-break=" + action + "]")).click();
        wait.until(d -> actions() > before);
        List<WebElement> heard = browser.findElements(By.cssSelector("#break-result .heard"));
        return heard.isEmpty() ? "" : heard.get(0).getText();
    }

    /** How many page actions have finished (the page counts them on its body). */
    private static int actions() {
        Object count = browser.executeScript("return Number(document.body.dataset.actions || 0)");
        return ((Number) count).intValue();
    }

    private void openDetails(String css) {
        for (WebElement details : browser.findElements(By.cssSelector(css))) {
            browser.executeScript("arguments[0].open = true", details);
        }
    }

    private void noSecretOnThePage() {
        String page = browser.getPageSource();
        assertFalse(page.contains(ConnectedApp.DEMO_CLIENT_SECRET), "client secret on the page");
        assertFalse(page.matches("(?s).*00D[0-9A-Za-z]{12}![A-Za-z0-9._]{20,}.*"), "an access token in full");
        assertFalse(page.matches("(?s).*5Aep861[A-Za-z0-9._]{20,}.*"), "a refresh token in full");
        Object storage = browser.executeScript("return window.sessionStorage.length + window.localStorage.length");
        assertEquals(0L, storage, "nothing kept in the browser's storage");
        assertFalse(page.contains("asl-sim."), "Alexa's apiAccessToken on the page");
        String log = LOG.toString(StandardCharsets.UTF_8);
        assertFalse(log.isEmpty(), "the functions log");
        assertFalse(log.contains(ConnectedApp.DEMO_CLIENT_SECRET), "client secret in the log");
        assertFalse(log.contains("asl-sim."), "Alexa's apiAccessToken in the log");
        assertFalse(log.matches("(?s).*00D[0-9A-Za-z]{12}![A-Za-z0-9._]{20,}.*"), "an access token in the log");
    }

    private void screenshot(String state) throws IOException {
        File file = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(testName + "-" + (++shot) + "-" + state + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
