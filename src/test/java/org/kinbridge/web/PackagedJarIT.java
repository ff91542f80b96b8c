package org.kinbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kinbridge.testing.Http;
import org.kinbridge.testing.RunningJar;
import org.kinbridge.testing.TestRunSettings;

/**
 * The shipped uber jar, started as the README says, on the embedded H2 default: it becomes ready,
 * the demo LMS launches into the admin panel, and its signing key survives a restart.
 */
class PackagedJarIT {

    private static final Pattern HIDDEN = Pattern.compile("name=\"(id_token|state)\" value=\"([^\"]+)\"");
    private final Http http = new Http();

    @Test
    void theJarStartsOnH2WithDemoDataAndKeepsItsKeyAcrossRestarts() throws Exception {
        Path work = TestRunSettings.workDir("packaged-jar-" + System.nanoTime());
        int port = TestRunSettings.freePort();
        Map<String, String> environment = Map.of(
                "KINBRIDGE_PORT", String.valueOf(port),
                "KINBRIDGE_DB_URL", "jdbc:h2:" + work.toAbsolutePath().resolve("db/kinbridge"),
                "KINBRIDGE_OPERATOR_TOKEN", "jar-test-token");

        String firstKid;
        try (RunningJar jar = RunningJar.start(environment, work.resolve("first.log"), "--demo")) {
            System.out.println("kinbridge.jar ready after " + jar.startUp().toMillis() + " ms");
            firstKid = toolKeyIds(jar.base()).get(0);
            HttpResponse<String> panel = demoLaunch(jar.base(), "admin");
            assertEquals(200, panel.statusCode(), panel.body());
            assertTrue(panel.body().contains("Riverside Primary School (demo)"));
            assertEquals(401, http.postJson(jar.base() + "/api/v1/tenants", "{\"name\":\"x\"}").statusCode());
        }
        try (RunningJar again = RunningJar.start(environment, work.resolve("second.log"))) {
            assertEquals(List.of(firstKid), toolKeyIds(again.base()), "the tool key is stored, not made anew");
            assertEquals(404, http.get(again.base() + "/demo/").statusCode(), "without --demo there is no demo LMS");
        }
    }

    /** The demo LMS's whole launch: its start link, our OIDC login, its authorization form, our launch. */
    private HttpResponse<String> demoLaunch(String base, String as) {
        String login = http.get(base + "/demo/start?as=" + as).headers().firstValue("Location").orElseThrow();
        String authorize = http.get(login).headers().firstValue("Location").orElseThrow();
        HttpResponse<String> form = http.get(authorize);
        Matcher fields = HIDDEN.matcher(form.body());
        Map<String, String> post = new java.util.HashMap<>();
        while (fields.find()) {
            post.put(fields.group(1), fields.group(2));
        }
        assertEquals(2, post.size(), form.body());
        return http.postForm(base + "/lti/launch", post);
    }

    private List<String> toolKeyIds(String base) throws Exception {
        List<?> keys = (List<?>) JSONObjectUtils.parse(http.get(base + "/.well-known/jwks.json").body()).get("keys");
        return keys.stream().map(k -> (String) ((Map<?, ?>) k).get("kid")).toList();
    }
}
