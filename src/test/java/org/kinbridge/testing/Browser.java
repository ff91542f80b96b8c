package org.kinbridge.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, pointed at the system binaries so nothing is
 * downloaded; its profile and HOME live under target/.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** The admin panel marks itself ready once it knows who is signed in. */
    private static final By ADMIN_PANEL_READY = By.cssSelector("#kb-admin[data-ready='true']");

    private final ChromeDriver driver;

    public Browser() {
        Path home = TestRunSettings.workDir("chromium-home");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of("HOME", home.toAbsolutePath().toString(),
                        "XDG_CONFIG_HOME", home.resolve("config").toAbsolutePath().toString(),
                        "XDG_CACHE_HOME", home.resolve("cache").toAbsolutePath().toString()))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + TestRunSettings.workDir("chromium-profile-" + System.nanoTime()).toAbsolutePath());
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /**
     * Opens a page of the demo LMS, which launches Kinbridge over real LTI 1.3 into its iframe, and waits
     * inside the iframe until {@code ready} is there; the driver then works inside the frame.
     *
     * @return the wait used, for the test's next steps
     */
    public WebDriverWait launchFromDemoLms(String demoPageUrl, By ready, Duration timeout) {
        driver.get(demoPageUrl);
        WebDriverWait wait = waitUpTo(timeout);
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("kb-frame")));
        wait.until(ExpectedConditions.presenceOfElementLocated(ready));
        return wait;
    }

    /** The demo LMS at {@code base} launches its school admin, Ada Admin, into the admin panel. */
    public WebDriverWait openAdminPanel(String base, Duration timeout) {
        return launchFromDemoLms(base + "/demo/", ADMIN_PANEL_READY, timeout);
    }

    /** Panels re-render on each answer; clicks the element as it is once rendering settles. */
    public static void clickWhenStable(WebDriverWait wait, By locator) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(locator).click();
            return true;
        });
    }

    /** Saves what the browser shows, for people reading a failed run. */
    public void screenshot(String name) {
        try {
            Path file = TestRunSettings.workDir("screenshots").resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
