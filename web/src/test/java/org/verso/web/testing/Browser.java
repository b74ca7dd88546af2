package org.verso.web.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.verso.library.testing.Environment;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}), one per test class, for tests of the
 * UI as people use it. A failing test leaves a screenshot and the page source in {@code target/screenshots/}.
 * Register with {@code @RegisterExtension static Browser browser = new Browser();}.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private WebDriver driver;
    private Path profile;
    private String base;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Environment.require(
                CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Chromium (/usr/bin/chromium, /usr/bin/chromedriver)");
        profile = Files.createTempDirectory("verso-chromium-");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--lang=en-US",
                "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            String name = context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getDisplayName().replaceAll("[^A-Za-z0-9]+", "_");
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(
                    new IOException("could not keep the screenshot of " + context.getDisplayName(), e));
        }
    }

    /** Keeps a picture of the page as it is now in {@code target/screenshots/<name>.png}, for people to look at. */
    public Browser snapshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Keeps a picture of the window as it is now in {@code file} (PNG), e.g. for the README. */
    public Browser snapshotTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Waits up to 30 s for {@code condition}, ignoring elements of the old page going stale while a new one comes; at
     * the timeout the assertion error carries the page's text.
     */
    public Browser until(java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("page at the timeout: " + find("body").getText(), e);
        }
        return this;
    }

    /** The bytes at {@code url}, fetched with this browser's session as the page's download link would fetch them. */
    public byte[] download(String url) {
        String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
        var response = Http.exchangeBytes(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Cookie", "JSESSIONID=" + session)
                .build());
        if (response.statusCode() != 200) {
            throw new AssertionError("download of " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Resizes the window, e.g. to a phone's 390 × 844. */
    public Browser size(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    /** Points the browser at the application under test. */
    public Browser at(int port) {
        base = "http://localhost:" + port;
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(String css) {
        return waitFor(css);
    }

    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /**
     * Signs in through the form, starting from a clean session, and returns once the browser has left the form's page
     * (for the page signed in to, or the form again after a refusal): a test's next step never races the redirect.
     */
    /**
     * Whether the page holding {@code element} has been left. Asked while the browser navigates, Chromium may answer
     * that the node "does not belong to the document" instead of calling it stale: that is gone too.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public Browser signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        type("#username", username);
        type("#password", password);
        WebElement button = find("#sign-in");
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> gone(button));
        return this;
    }

    public Browser signOut() {
        click("#logout");
        waitFor("#sign-in");
        return this;
    }
}
