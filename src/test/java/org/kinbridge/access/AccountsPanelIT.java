package org.kinbridge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinbridge.testing.Browser;
import org.kinbridge.testing.DemoSchoolBrowser;
import org.kinbridge.testing.Deployments;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Account Manager as an admin sees it in headless Chromium: three tabs with counts, and one bulk action. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsPanelIT {

    private static final String BASE = Deployments.baseUrl();

    @RegisterExtension
    static final DemoSchoolBrowser DEMO = new DemoSchoolBrowser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.kinbridgeWar();
    }

    @Test
    void anAdminSeesTheThreeTabsAndProvisionsEveryoneReadyWithOneBulkAction() {
        Browser browser = DEMO.browser();
        WebDriverWait wait = browser.openAdminPanel(BASE, Duration.ofSeconds(30));
        WebDriver driver = browser.driver();
        driver.findElement(By.cssSelector("a[data-section='accounts']")).click();
        wait.until(presenceOfElementLocated(By.cssSelector("#accounts-provision tr[data-person='par-1']")));

        List<String> tabs = driver.findElements(By.cssSelector("#accounts-tabs [role='tab']")).stream().map(WebElement::getText).toList();
        assertEquals(3, tabs.size());
        assertTrue(tabs.get(0).matches("Ready to provision \\d+") && tabs.get(1).equals("Active 0")
                && tabs.get(2).equals("Ready to revoke 0"), tabs.toString());
        int ready = Integer.parseInt(tabs.get(0).replaceAll("\\D", ""));
        assertEquals(ready, driver.findElements(By.cssSelector("#accounts-provision tbody tr")).size());
        assertTrue(ready >= 3, "the sample's parents with a current child (another test may have blocked one link)");
        browser.screenshot("accounts-ready");

        driver.findElement(By.cssSelector("#accounts-provision input.select-page")).click();
        driver.findElement(By.cssSelector("#accounts-provision button[data-action='provision']")).click();
        int withEmail = ready - 1; // par-4 has no email address
        wait.until(textToBePresentInElementLocated(By.cssSelector("#accounts-confirm .confirm-text"),
                withEmail + " of " + ready + " selected people"));
        driver.findElement(By.id("accounts-confirm-yes")).click();
        wait.until(presenceOfElementLocated(By.cssSelector("#accounts-report[data-affected='" + withEmail + "']")));
        assertTrue(driver.findElement(By.cssSelector("#accounts-report li[data-person='par-4']")).getText().contains("No email address"));
        wait.until(textToBePresentInElementLocated(By.id("tab-active"), "Active " + withEmail));

        driver.findElement(By.id("tab-active")).click();
        wait.until(presenceOfElementLocated(By.cssSelector("#accounts-active tr[data-person='par-1'][data-state='INVITED']")));
        assertTrue(driver.findElement(By.id("accounts-active")).isDisplayed());
        browser.screenshot("accounts-active");

        // Leave the demo school as found (other panel tests share it): revoke them again, from the Active tab.
        driver.findElement(By.cssSelector("#accounts-active input.select-page")).click();
        driver.findElement(By.cssSelector("#accounts-active button[data-action='revoke']")).click();
        wait.until(textToBePresentInElementLocated(By.cssSelector("#accounts-confirm .confirm-text"),
                "Revoke access: " + withEmail + " of " + withEmail));
        driver.findElement(By.id("accounts-confirm-yes")).click();
        wait.until(presenceOfElementLocated(By.cssSelector("#accounts-report[data-affected='" + withEmail + "']")));
        wait.until(textToBePresentInElementLocated(By.id("tab-active"), "Active 0"));
        driver.findElement(By.id("tab-revoke")).click();
        assertTrue(driver.findElement(By.cssSelector("#accounts-revoke .empty")).isDisplayed());
        browser.screenshot("accounts-after-provision");
    }
}
