package org.kinbridge.crosslink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.kinbridge.testing.Browser;
import org.kinbridge.testing.Http;
import org.kinbridge.testing.KinbridgeNode;
import org.kinbridge.testing.OneRosterZip;
import org.kinbridge.testing.OperatorApi;
import org.kinbridge.testing.TestRunSettings;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Linked products page as two main admins see it: two Kinbridge jars in demo mode (two ports, two
 * PostgreSQL schemas, two keys), each opened in its own headless Chromium through its demo LMS as Ada Admin,
 * whose first launch makes her the main school admin. A asks B in the page, B approves in its page, both
 * pages show LINKED and the other side's data marked with its source, also on a student's family page;
 * B unlinks and the data goes from both pages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkedProductsPanelIT {

    private static final String OPERATOR_TOKEN = "crosslink-panel-operator";
    private static final String SCHOOL = "demo";
    private static final String SCHOOL_NAME = "Riverside Primary School (demo)";
    private static final byte[] ROSTER = OneRosterZip.fromFolder(OneRosterZip.sample("v1p1-bulk")).bytes();
    private static final Http HTTP = new Http();
    private static final Duration WAIT = Duration.ofSeconds(45);

    private static GreenMail smtp;
    private static Side a;
    private static Side b;

    /** One running instance in demo mode, its demo school imported, and the browser its main admin uses. */
    static final class Side extends KinbridgeNode {
        Browser browser;

        Side(String name) {
            super(name, "kb_clp_", OPERATOR_TOKEN, smtp, "--demo");
            env.put("KINBRIDGE_CROSSLINK_RETRY_MAX", "PT3S");
            env.put("KINBRIDGE_CROSSLINK_WORKER_INTERVAL", "PT0.5S");
        }

        void importRoster() {
            assertEquals("SUCCEEDED", new OperatorApi(HTTP, base(), OPERATOR_TOKEN).importAndWait(SCHOOL, ROSTER).get("status"));
        }

        /** The demo LMS launches Ada Admin into the panel inside its iframe; the test then works inside the frame. */
        void openPanel() {
            browser = new Browser();
            browser.openAdminPanel(base(), WAIT);
        }

        WebDriver driver() {
            return browser.driver();
        }

        WebDriverWait waitFor() {
            WebDriverWait wait = browser.waitUpTo(WAIT);
            wait.ignoring(StaleElementReferenceException.class);
            return wait;
        }

        void section(String section, String ready) {
            driver().findElement(By.cssSelector("a[data-section='" + section + "']")).click();
            waitFor().until(presenceOfElementLocated(By.cssSelector(ready)));
        }

        /** The card of this side's link with the other side, once it is in the given state. */
        WebElement awaitLink(String state) {
            return waitFor().withMessage(() -> name + ": no link in state " + state + "; page shows: " + linksText())
                    .until(presenceOfElementLocated(By.cssSelector("#crosslink-links article.crosslink[data-state='" + state + "']")));
        }

        String linksText() {
            try {
                return driver().findElement(By.id("crosslink-links")).getText();
            } catch (RuntimeException e) {
                return "(" + e.getClass().getSimpleName() + ")";
            }
        }

        /** Clicks once rendering settles (the page refreshes itself while it waits for the other side). */
        void click(By locator) {
            waitFor().until(d -> {
                d.findElement(locator).click();
                return true;
            });
        }

        /** Opens a student's family on the Families page and waits until the linked products' part has loaded. */
        WebElement openStudent(String sourcedId) {
            section("families", "#families #family-search");
            WebElement search = driver().findElement(By.id("family-search"));
            search.clear();
            search.sendKeys("brook");
            driver().findElement(By.cssSelector("#family-search-form button[type='submit']")).click();
            click(By.cssSelector("#family-table button[data-person='" + sourcedId + "']"));
            return waitFor().until(presenceOfElementLocated(
                    By.cssSelector("#family-of[data-person='" + sourcedId + "'] #family-crosslink[data-loaded='true']")));
        }

        @Override
        public void stop() {
            if (browser != null) {
                browser.close();
                browser = null;
            }
            super.stop();
        }
    }

    @BeforeAll
    static void twoInstancesEachInABrowser() {
        smtp = new GreenMail(new ServerSetup(TestRunSettings.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        a = new Side("a");
        b = new Side("b");
        KinbridgeNode.startTogether(a, b);
        a.importRoster();
        b.importRoster();
        a.openPanel();
        b.openPanel();
    }

    @AfterEach
    void screenshots(TestInfo test) {
        String name = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
        for (Side side : new Side[] {a, b}) {
            if (side != null && side.browser != null) {
                side.browser.screenshot("linked-products-" + name + "-" + side.name);
            }
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Side side : new Side[] {a, b}) {
            if (side == null) {
                continue;
            }
            side.discard();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void eachPageShowsItsAddressItsMainAdminAndNoLinkYet() {
        for (Side side : new Side[] {a, b}) {
            side.section("linked-products", "#linked-products #crosslink-about");
            WebDriver driver = side.driver();
            assertEquals(side.base(), driver.findElement(By.id("crosslink-our-address")).getText());
            assertEquals(SCHOOL, driver.findElement(By.id("crosslink-our-school")).getText());
            assertTrue(driver.findElement(By.id("crosslink-main-admin")).getText().contains("Ada Admin (you)"),
                    driver.findElement(By.id("crosslink-main-admin")).getText());
            side.waitFor().until(presenceOfElementLocated(By.cssSelector("#crosslink-links .empty")));
            side.waitFor().until(presenceOfElementLocated(By.id("crosslink-no-data")));
            assertTrue(driver.findElement(By.id("crosslink-request")).isDisplayed(), "the main admin can request a link");
        }
        WebElement nothing = a.openStudent("stu-1");
        assertEquals("", nothing.getText(), "no linked product, nothing from one");
    }

    @Test
    @Order(2)
    void aRequestsInThePageAndWaitsForB() {
        a.section("linked-products", "#crosslink-request");
        a.driver().findElement(By.id("crosslink-peer-url")).sendKeys(b.base());
        a.driver().findElement(By.id("crosslink-peer-school")).sendKeys(SCHOOL);
        a.driver().findElement(By.cssSelector("#crosslink-request button[type='submit']")).click();
        a.waitFor().until(textToBePresentInElementLocated(By.id("crosslink-notice"), "Request sent"));
        WebElement pending = a.awaitLink("PENDING");
        assertTrue(pending.getText().contains("waiting for their approval"), pending.getText());
        assertTrue(pending.getText().contains(b.base()), pending.getText());
        assertFalse(pending.findElements(By.cssSelector("button.crosslink-cancel")).isEmpty(), "the requester can cancel");
        assertFalse(pending.findElements(By.cssSelector("button.crosslink-remind")).isEmpty(), "the requester can remind");
        assertTrue(pending.findElements(By.cssSelector("button.crosslink-approve")).isEmpty(), "the requester does not approve");
        assertTrue(a.driver().findElements(By.id("crosslink-records")).isEmpty(), "no data before LINKED");
    }

    @Test
    @Order(3)
    void bSeesTheRequestInItsOpenPageAndApproves() {
        // B's page was opened before the request: it picks the request up by itself
        WebElement pending = b.awaitLink("PENDING");
        b.waitFor().until(d -> pending.getText().contains(SCHOOL_NAME));
        assertTrue(pending.getText().contains("they asked to link with you"), pending.getText());
        assertTrue(pending.getText().contains(a.base()), pending.getText());
        assertTrue(pending.findElements(By.cssSelector("button.crosslink-cancel")).isEmpty());
        b.click(By.cssSelector("#crosslink-links article.crosslink[data-state='PENDING'] button.crosslink-approve"));
        WebElement linked = b.awaitLink("LINKED");
        b.waitFor().until(presenceOfElementLocated(By.cssSelector("#crosslink-notice [data-done='approve']")));
        assertTrue(linked.getText().contains("Ada Admin"), linked.getText());
        assertFalse(linked.findElements(By.cssSelector("button.crosslink-unlink")).isEmpty());

        WebElement linkedAtA = a.awaitLink("LINKED");
        a.waitFor().until(d -> linkedAtA.getText().contains("Decided"));
        assertTrue(linkedAtA.getText().contains("Ada Admin"), "who approved: " + linkedAtA.getText());
    }

    @Test
    @Order(4)
    void bothPagesShowTheOtherSidesDataMarkedWithItsSource() {
        for (Side[] pair : new Side[][] {{a, b}, {b, a}}) {
            Side side = pair[0];
            Side other = pair[1];
            WebElement records = side.waitFor().withMessage(() -> side.name + " shows no data from " + other.name)
                    .until(d -> {
                        WebElement table = d.findElement(By.id("crosslink-records"));
                        return table.getText().contains("stu-1") ? table : null;
                    });
            WebElement row = records.findElements(By.cssSelector("tbody tr")).stream()
                    .filter(r -> r.findElement(By.cssSelector("td:nth-child(1)")).getText().equals("stu-1")).findFirst().orElseThrow();
            String source = row.findElement(By.cssSelector("td:nth-child(2)")).getText();
            assertTrue(source.contains(SCHOOL_NAME) && source.contains(other.base()), side.name + " marks the source: " + source);
            assertEquals("kinbridge.guardians", row.findElement(By.cssSelector("td:nth-child(3)")).getText());
            assertTrue(row.findElement(By.cssSelector("td:nth-child(4)")).getText().contains("parent"), row.getText());
            side.waitFor().withMessage(() -> side.name + " does not say when the data came: " + side.linksText())
                    .until(d -> side.linksText().contains("Data received"));
        }
    }

    @Test
    @Order(5)
    void aStudentsFamilyPageShowsWhatTheLinkedProductHolds() {
        WebElement fromLinked = a.openStudent("stu-1");
        assertTrue(fromLinked.getText().contains("From linked products"), fromLinked.getText());
        WebElement source = fromLinked.findElement(By.cssSelector("#family-crosslink-records tbody tr td:nth-child(1)"));
        assertTrue(source.getText().contains(SCHOOL_NAME) && source.getText().contains(b.base()), source.getText());
        assertTrue(fromLinked.getText().contains("kinbridge.guardians"), fromLinked.getText());
        assertTrue(fromLinked.getText().contains("parent"), fromLinked.getText());
        a.section("linked-products", "#linked-products #crosslink-links");
    }

    @Test
    @Order(6)
    void bUnlinksAfterConfirmingAndTheDataGoesFromBothPages() {
        By unlink = By.cssSelector("#crosslink-links article.crosslink[data-state='LINKED'] button.crosslink-unlink");
        b.click(unlink);
        WebElement question = b.waitFor().until(presenceOfElementLocated(By.id("crosslink-confirm")));
        assertTrue(question.getText().contains("Unlink " + SCHOOL_NAME + "?"), question.getText());
        b.click(By.id("crosslink-confirm-no"));
        b.waitFor().until(d -> d.findElements(By.id("crosslink-confirm")).isEmpty());
        b.awaitLink("LINKED");
        assertFalse(b.linksText().contains("Unlinked"), "keeping it changed nothing: " + b.linksText());

        b.click(unlink);
        b.click(By.id("crosslink-confirm-yes"));
        b.awaitLink("UNLINKED");
        b.waitFor().until(presenceOfElementLocated(By.cssSelector("#crosslink-notice [data-done='unlink']")));
        b.waitFor().until(presenceOfElementLocated(By.id("crosslink-no-data")));
        a.awaitLink("UNLINKED");
        a.waitFor().until(presenceOfElementLocated(By.id("crosslink-no-data")));
        assertTrue(a.linksText().contains("unlinked by the other product"), a.linksText());
        assertEquals("", a.openStudent("stu-1").getText(), "nothing from an unlinked product");
    }
}
