package org.kinbridge.testing;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sends the parent's HTML forms as a browser does: opens the page first, keeps the form cookie it sets, and posts
 * the hidden form token with the fields. {@code cookies} are sent along (a signed-in parent's session).
 */
public final class ParentForms {

    private static final Pattern TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");

    private final Http http;
    private final String base;

    public ParentForms(Http http, String base) {
        this.http = http;
        this.base = base;
    }

    /** The page at {@code pagePath} as the parent sees it, and what a form on it needs to be sent back. */
    public record Page(HttpResponse<String> response, String formCookie, String token) {
    }

    public Page open(String pagePath, String... cookies) {
        HttpResponse<String> page = cookies.length == 0 ? http.get(base + pagePath)
                : http.get(base + pagePath, "Cookie", String.join("; ", cookies));
        String formCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kb_form="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseGet(() -> Stream.of(cookies).filter(c -> c.startsWith("kb_form=")).findFirst().orElse(""));
        Matcher token = TOKEN.matcher(page.body());
        return new Page(page, formCookie, token.find() ? token.group(1) : "");
    }

    /** Opens {@code pagePath}, then posts {@code form} to {@code postPath} with the page's form token. */
    public HttpResponse<String> submit(String pagePath, String postPath, Map<String, String> form, String... cookies) {
        Page page = open(pagePath, cookies);
        Map<String, String> fields = new HashMap<>(form);
        fields.put("form_token", page.token());
        return post(postPath, fields, Stream.concat(Stream.of(page.formCookie()), Stream.of(cookies)).toList());
    }

    /** Posts exactly what it is given: for forged or token-less posts. */
    public HttpResponse<String> post(String postPath, Map<String, String> fields, List<String> cookies) {
        String cookie = cookies.stream().filter(c -> !c.isEmpty()).distinct().collect(Collectors.joining("; "));
        return cookie.isEmpty() ? http.postForm(base + postPath, fields) : http.postForm(base + postPath, fields, "Cookie", cookie);
    }

    public HttpResponse<String> signIn(String school, String username, String password) {
        return submit("/access/signin?school=" + Http.encode(school), "/access/signin",
                Map.of("school", school, "username", username, "password", password));
    }

    /** Activation with the link's token, or (token null) with a letter's code. */
    public HttpResponse<String> activate(String school, String token, String code, String password, String confirmation) {
        Map<String, String> form = new HashMap<>();
        form.put("school", school);
        form.put("token", token);
        form.put("code", code);
        form.put("password", password);
        form.put("confirmation", confirmation);
        return submit("/access/activate?school=" + Http.encode(school), "/access/activate", form);
    }
}
