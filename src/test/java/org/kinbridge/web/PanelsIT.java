package org.kinbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.frameToBeAvailableAndSwitchToIt;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinbridge.testing.Browser;
import org.kinbridge.testing.Deployments;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The panels as people see them: headless Chromium opens the demo LMS, which launches Kinbridge over
 * real LTI 1.3 into its iframe, as an admin, a parent and a teacher.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PanelsIT {

    private static final String BASE = Deployments.baseUrl();
    private static Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.kinbridgeWar();
    }

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void anAdminLaunchFromTheDemoLmsShowsTheAdminPanelInsideTheIframe() {
        WebDriverWait wait = browser.openAdminPanel(BASE, Duration.ofSeconds(20));
        WebDriver driver = browser.driver();

        assertEquals("Riverside Primary School (demo)", driver.findElement(By.id("kb-school")).getText());
        assertTrue(driver.findElement(By.id("kb-user")).getText().startsWith("Ada Admin"));
        List<String> sections = driver.findElements(By.cssSelector("nav.tabs a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Families", "Accounts", "Imports", "Linked products", "Audit"), sections);
        wait.until(presenceOfElementLocated(By.cssSelector("#families #family-search")));

        driver.findElement(By.cssSelector("a[data-section='linked-products']")).click();
        wait.until(textToBePresentInElementLocated(By.id("kb-platforms"), BASE + "/demo"));
        assertEquals("page", driver.findElement(By.cssSelector("a[data-section='linked-products']")).getAttribute("aria-current"));

        driver.findElement(By.cssSelector("a[data-section='accounts']")).click();
        wait.until(presenceOfElementLocated(By.cssSelector("#accounts .empty")));
        browser.screenshot("admin-panel");
    }

    @Test
    void anAdminImportsARosterThenManagesAFamily() throws Exception {
        java.nio.file.Path zip = org.kinbridge.testing.TestRunSettings.workDir("panel-upload").resolve("riverside.zip");
        java.nio.file.Files.write(zip, org.kinbridge.testing.OneRosterZip.fromFolder(
                org.kinbridge.testing.OneRosterZip.sample("v1p1-bulk")).bytes());
        WebDriverWait wait = browser.openAdminPanel(BASE, Duration.ofSeconds(30));
        WebDriver driver = browser.driver();

        driver.findElement(By.cssSelector("a[data-section='imports']")).click();
        wait.until(presenceOfElementLocated(By.id("import-file"))).sendKeys(zip.toAbsolutePath().toString());
        wait.until(presenceOfElementLocated(By.cssSelector("#import-detail .import[data-status='SUCCEEDED']")));
        assertTrue(driver.findElement(By.cssSelector("#import-detail .counts")).getText().contains("linksCreated"));
        wait.until(presenceOfElementLocated(By.id("import-list")));
        browser.screenshot("imports");

        driver.findElement(By.cssSelector("a[data-section='families']")).click();
        WebElement search = wait.until(presenceOfElementLocated(By.id("family-search")));
        search.sendKeys("brook");
        driver.findElement(By.cssSelector("#family-search-form button[type='submit']")).click();
        Browser.clickWhenStable(wait, By.cssSelector("#family-table button[data-person='stu-1']"));
        wait.until(presenceOfElementLocated(By.cssSelector("#family-of[data-person='stu-1']")));
        List<String> parents = driver.findElements(By.cssSelector("#family-links tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("par-1", "par-2"), parents.stream().sorted().toList());

        WebElement remove = driver.findElement(By.cssSelector("form.remove-link[data-guardian='par-2']"));
        remove.findElement(By.cssSelector("input.reason")).sendKeys("Court order on file");
        remove.findElement(By.cssSelector("input.block")).click();
        remove.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(textToBePresentInElementLocated(By.id("family-links"), "blocked"));
        assertTrue(driver.findElement(By.cssSelector("#family-of .history")).getText().contains("link.removed_and_blocked"));

        driver.findElement(By.id("family-search")).clear();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("family-filter"))).selectByValue("relatives");
        wait.until(presenceOfElementLocated(By.cssSelector("#family-table button[data-person='rel-1']")));
        browser.screenshot("families");
    }

    @Test
    void aParentLaunchShowsTheirChildren() {
        browser.launchFromDemoLms(BASE + "/demo/?as=parent", By.id("kb-parent"), Duration.ofSeconds(20));
        WebDriver driver = browser.driver();

        List<String> children = driver.findElements(By.cssSelector("#kb-children li")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("demo-student-1", "demo-student-2"), children);
        browser.screenshot("parent-view");
    }

    @Test
    void aTeacherIsToldWhatKinbridgeIsFor() {
        WebDriver driver = browser.driver();
        driver.get(BASE + "/demo/");
        WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(20));
        driver.findElement(By.id("launch-teacher")).click();
        wait.until(frameToBeAvailableAndSwitchToIt(By.id("kb-frame")));
        wait.until(presenceOfElementLocated(By.id("kb-about")));
        assertTrue(driver.findElement(By.tagName("h2")).getText().contains("What Kinbridge is for"));
    }
}
