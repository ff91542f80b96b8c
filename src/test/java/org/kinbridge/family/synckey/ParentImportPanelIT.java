package org.kinbridge.family.synckey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.kinbridge.testing.Http;
import org.kinbridge.testing.OperatorApi;
import org.kinbridge.testing.TestRunSettings;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "Parents from a CSV" card of the Imports page as an admin uses it in headless Chromium, launched
 * from the demo LMS into its iframe: upload a spreadsheet export, choose its columns, read the preview,
 * apply, and find the parent linked on the Families page.
 *
 * <p>The demo school is shared with the other panel tests, so this file links only stu-3 and stu-5 (whose
 * families they do not check), and every parent it links has an email address (the Accounts test counts
 * the parents without one).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ParentImportPanelIT {

    private static final String BASE = Deployments.baseUrl();
    private static final OperatorApi OPERATOR = new OperatorApi(new Http(), BASE, Deployments.operatorToken());
    /** Children by username, spread over two columns; rows 4 and 5 share a family id, row 3 names an unknown child. */
    private static final String PARENTS = "Family ID,First name,Last name,E-mail,Child 1,Child 2\n"
            + "FAM-1,Nora,Diaz,nora.diaz@mail.example,cara.diaz,\n"
            + "FAM-2,Olav,Fox,olav.fox@mail.example,eli.fox,zed.nobody\n"
            + "FAM-3,Dora,One,dora@mail.example,dan.evans,\n"
            + "FAM-3,Dora,Two,dora@mail.example,dan.evans,\n";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final DemoSchoolBrowser DEMO = new DemoSchoolBrowser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.kinbridgeWar();
    }

    @Test
    void anAdminUploadsAParentFileChoosesItsColumnsPreviewsAppliesAndFindsTheParentLinked() throws IOException {
        Browser browser = DEMO.browser();
        Path csv = Files.writeString(TestRunSettings.workDir("panel-upload").resolve("parents.csv"), PARENTS);
        WebDriverWait wait = browser.openAdminPanel(BASE, WAIT);
        WebDriver driver = browser.driver();
        driver.findElement(By.cssSelector("a[data-section='imports']")).click();
        wait.until(presenceOfElementLocated(By.cssSelector("#parent-import h3")));

        wait.until(presenceOfElementLocated(By.id("parent-import-file"))).sendKeys(csv.toAbsolutePath().toString());
        WebElement form = wait.until(presenceOfElementLocated(By.id("parent-import-form")));
        assertTrue(form.getText().contains("parents.csv · 4 row(s) · 6 column(s)"), form.getText());
        assertEquals(List.of("Family ID", "First name", "Last name", "E-mail", "Child 1", "Child 2"),
                texts(driver, "#parent-import-sample thead th"));
        assertEquals("FAM-1", driver.findElement(By.cssSelector("#parent-import-sample tbody tr td")).getText());

        new Select(driver.findElement(By.id("parent-sync-column"))).selectByVisibleText("Family ID");
        assertFalse(childColumn(driver, "Family ID").isEnabled(), "the sync column cannot also name children");
        childColumn(driver, "Child 1").click();
        childColumn(driver, "Child 2").click();
        new Select(driver.findElement(By.id("parent-child-match"))).selectByValue("USERNAME");
        new Select(driver.findElement(By.id("parent-givenNameColumn"))).selectByVisibleText("First name");
        new Select(driver.findElement(By.id("parent-familyNameColumn"))).selectByVisibleText("Last name");
        new Select(driver.findElement(By.id("parent-emailColumn"))).selectByVisibleText("E-mail");
        form.findElement(By.cssSelector("button[type='submit']")).click();

        wait.until(presenceOfElementLocated(By.id("parent-import-preview")));
        assertEquals(Map.of("parentsCreated", "2", "parentsUpdated", "0", "parentsUnchanged", "0", "linksCreated", "2",
                "linksEnded", "0", "linksUnchanged", "0", "rowsRefused", "2"), counts(driver));
        List<String> refused = texts(driver, "#parent-import-refused tbody tr");
        assertEquals(2, refused.size(), refused.toString());
        assertTrue(refused.stream().allMatch(row -> row.contains("Family ID") && row.contains("rows 4, 5")), refused.toString());
        List<String> warnings = texts(driver, "#parent-import-warnings tbody tr");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("3 Child 1, Child 2") && warnings.get(0).contains("username 'zed.nobody'"),
                warnings.get(0));
        assertEquals(List.of(), OPERATOR.guardianships(DemoSchoolBrowser.SCHOOL).stream().filter(link -> link.contains("sync:FAM")).toList(),
                "a preview changes nothing");
        browser.screenshot("parent-import-preview");

        wait.until(elementToBeClickable(By.id("parent-import-apply"))).click();
        wait.until(presenceOfElementLocated(By.id("parent-import-done")));
        assertEquals("2", counts(driver).get("linksCreated"));
        assertEquals(List.of("stu-3,sync:FAM-1,parent,active", "stu-5,sync:FAM-2,parent,active"),
                OPERATOR.guardianships(DemoSchoolBrowser.SCHOOL).stream().filter(link -> link.contains("sync:FAM")).sorted().toList());
        browser.screenshot("parent-import-applied");

        driver.findElement(By.cssSelector("#parent-import-done a[href='#families']")).click();
        wait.until(presenceOfElementLocated(By.id("family-search"))).sendKeys("diaz");
        driver.findElement(By.cssSelector("#family-search-form button[type='submit']")).click();
        Browser.clickWhenStable(wait, By.cssSelector("#family-table button[data-person='stu-3']"));
        wait.until(presenceOfElementLocated(By.cssSelector("#family-of[data-person='stu-3']")));
        WebElement parent = driver.findElements(By.cssSelector("#family-links tbody tr")).stream()
                .filter(row -> row.getText().contains("sync:FAM-1")).findFirst().orElseThrow(() -> new AssertionError(
                        "stu-3's family shows no sync:FAM-1: " + driver.findElement(By.id("family-of")).getText()));
        assertTrue(parent.getText().contains("Nora Diaz") && parent.getText().contains("SYNC_KEY · FAM-1")
                && parent.getText().contains("active"), parent.getText());
        browser.screenshot("parent-import-family");
    }

    private static WebElement childColumn(WebDriver driver, String column) {
        return driver.findElement(By.cssSelector("#parent-child-columns input[value='" + column + "']"));
    }

    /** The summary's counts by their JSON name, as the page shows them. */
    private static Map<String, String> counts(WebDriver driver) {
        Map<String, String> counts = new LinkedHashMap<>();
        for (WebElement row : driver.findElements(By.cssSelector("#parent-import-counts tr[data-count]"))) {
            counts.put(row.getAttribute("data-count"), row.findElement(By.tagName("td")).getText());
        }
        return counts;
    }

    private static List<String> texts(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
