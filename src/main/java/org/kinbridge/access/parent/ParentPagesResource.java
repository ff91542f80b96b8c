package org.kinbridge.access.parent;

import static org.kinbridge.shared.Html.escape;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.kinbridge.access.ParentAccess;
import org.kinbridge.school.Tenant;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.Html;
import org.kinbridge.shared.ProblemKind;
import org.kinbridge.shared.PublicUrl;
import org.kinbridge.shared.TenantId;

/**
 * The parent's pages, plain HTML forms with no script: activation ({@code /access/activate}), password sign-in
 * ({@code /access/signin}), their children ({@code /access/home}) and sign-out; plus the same children as JSON
 * under {@code /access/api/children} for the session cookie. Every form carries a {@link FormTokens} token; a post
 * without the right one (or from another origin) gets a 403 page and changes nothing.
 */
@Path("access")
public class ParentPagesResource {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");
    private static final String ACTIVATE_FORM = "activate";
    private static final String SIGN_IN_FORM = "signin";
    private static final String SIGN_OUT_FORM = "signout";

    @Inject
    private ParentAccess access;

    @Inject
    private TenantService tenants;

    @Inject
    private PublicUrl publicUrl;

    @Inject
    private ClientAddress clientAddress;

    @Context
    private HttpHeaders headers;

    @Context
    private HttpServletRequest request;

    @GET
    @Path("activate")
    public Response activationForm(@QueryParam("school") String school, @QueryParam("token") String token) {
        TenantId tenant = tenantOf(school);
        FormTokens.Issued form = formTokens();
        if (token == null || token.isBlank()) {
            return page(200, "Activate your account", activateForm(tenant, "", null, "", form), form);
        }
        try {
            ParentAccess.Invitee invitee = access.invitee(tenant, token, client());
            return page(200, "Activate your account", activateForm(tenant, token, invitee, "", form), form);
        } catch (DomainException e) {
            return page(status(e), "Activate your account", problem(e.detail()));
        }
    }

    @POST
    @Path("activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activate(@FormParam(FormTokens.FIELD) String formToken, @FormParam("school") String school,
                             @FormParam("token") String token, @FormParam("code") String code,
                             @FormParam("password") String password, @FormParam("confirmation") String confirmation) {
        if (!formAccepted(ACTIVATE_FORM, formToken)) {
            return formRefused();
        }
        TenantId tenant = tenantOf(school);
        String credential = token != null && !token.isBlank() ? token : code;
        try {
            ParentAccess.Invitee invitee = access.activate(tenant, credential, password, confirmation, client());
            return page(200, "Account activated", "<main class=\"card\" id=\"kb-activated\">\n<h1>Your account is ready</h1>\n"
                    + "<p>Sign in with your username <strong id=\"kb-username\">" + escape(invitee.username()) + "</strong>.</p>\n"
                    + "<p><a href=\"" + escape(signInUrl(tenant)) + "\">Sign in</a></p>\n</main>");
        } catch (DomainException e) {
            if ("weak_password".equals(e.error()) || "passwords_differ".equals(e.error())) {
                Optional<ParentAccess.Invitee> invitee = Optional.empty();
                try {
                    invitee = Optional.of(access.invitee(tenant, credential, client()));
                } catch (DomainException ignored) {
                    // the form is shown again without the name
                }
                boolean typed = token == null || token.isBlank();
                return page(400, "Activate your account", activateForm(tenant, typed ? "" : token, invitee.orElse(null), e.detail(),
                        formTokens()));
            }
            return page(status(e), "Activate your account", problem(e.detail()));
        }
    }

    @GET
    @Path("signin")
    public Response signInForm(@QueryParam("school") String school) {
        FormTokens.Issued form = formTokens();
        return page(200, "Sign in", signInForm(tenantOf(school), "", form), form);
    }

    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam(FormTokens.FIELD) String formToken, @FormParam("school") String school,
                           @FormParam("username") String username, @FormParam("password") String password) {
        if (!formAccepted(SIGN_IN_FORM, formToken)) {
            return formRefused();
        }
        TenantId tenant = tenantOf(school);
        try {
            String token = access.signIn(tenant, username, password, client());
            return Response.seeOther(URI.create(publicUrl.of("/access/home")))
                    .header("Set-Cookie", ParentCookie.set(tenant, token, cookiePath(), secure(),
                            ParentAccess.SESSION_LIFETIME.toSeconds()))
                    .header("Cache-Control", "no-store").build();
        } catch (DomainException e) {
            return page(status(e), "Sign in", signInForm(tenant, e.detail(), formTokens()));
        }
    }

    @POST
    @Path("signout")
    public Response signOut(@FormParam(FormTokens.FIELD) String formToken) {
        if (!formAccepted(SIGN_OUT_FORM, formToken)) {
            return formRefused();
        }
        ParentCookie.read(headers).ifPresent(c -> access.signOut(c.tenant(), c.token()));
        return Response.ok(Html.page(publicUrl.base(), "Signed out – Kinbridge", "",
                "<main class=\"card\" id=\"kb-signed-out\"><h1>You are signed out</h1></main>"), HTML)
                .header("Set-Cookie", ParentCookie.clear(cookiePath(), secure())).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("home")
    public Response home() {
        Optional<ParentCookie.Value> cookie = ParentCookie.read(headers);
        Optional<String> person = cookie.flatMap(c -> access.session(c.tenant(), c.token()));
        if (person.isEmpty()) {
            return page(401, "Sign in", problem("Your session has ended. Please sign in again."));
        }
        TenantId tenant = cookie.get().tenant();
        List<ParentAccess.Child> children = access.children(tenant, person.get());
        String school = tenants.find(tenant).map(Tenant::name).orElse("your school");
        FormTokens.Issued form = formTokens();
        return page(200, "Your children", ParentView.html(school, children)
                + "<form method=\"post\" action=\"" + escape(publicUrl.of("/access/signout")) + "\" class=\"signout\">"
                + tokenField(form, SIGN_OUT_FORM) + "<button type=\"submit\">Sign out</button></form>", form);
    }

    @GET
    @Path("api/children")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ParentAccess.Child> children() {
        Session session = requireSession();
        return access.children(session.tenant(), session.person());
    }

    @GET
    @Path("api/children/{child}")
    @Produces(MediaType.APPLICATION_JSON)
    public ParentAccess.Child child(@PathParam("child") String child) {
        Session session = requireSession();
        return access.child(session.tenant(), session.person(), child);
    }

    private record Session(TenantId tenant, String person) {
    }

    private Session requireSession() {
        Optional<ParentCookie.Value> cookie = ParentCookie.read(headers);
        Optional<String> person = cookie.flatMap(c -> access.session(c.tenant(), c.token()));
        if (person.isEmpty()) {
            throw new org.kinbridge.access.AccessRefusedException(ProblemKind.UNAUTHENTICATED, "signed_out",
                    "Sign in first.");
        }
        return new Session(cookie.get().tenant(), person.get());
    }

    private String activateForm(TenantId tenant, String token, ParentAccess.Invitee invitee, String error, FormTokens.Issued form) {
        String greeting = invitee == null ? "<p>Enter the one-time code from your letter and choose a password.</p>\n"
                : "<p>Hello " + escape(invitee.name()) + ". Your username will be <strong>" + escape(invitee.username())
                        + "</strong>. Choose a password.</p>\n";
        String credential = token.isEmpty()
                ? "<label>One-time code <input name=\"code\" id=\"code\" autocomplete=\"one-time-code\" required></label>\n"
                : "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">\n";
        return "<main class=\"card\" id=\"kb-activate\">\n<h1>Activate your parent account</h1>\n" + greeting
                + (error.isEmpty() ? "" : "<p class=\"notice error\" role=\"alert\" id=\"kb-problem\">" + escape(error) + "</p>\n")
                + "<form method=\"post\" action=\"" + escape(publicUrl.of("/access/activate")) + "\" class=\"stack\">\n"
                + tokenField(form, ACTIVATE_FORM) + "<input type=\"hidden\" name=\"school\" value=\"" + escape(tenant.value()) + "\">\n"
                + credential
                + "<label>New password <input type=\"password\" name=\"password\" id=\"password\" autocomplete=\"new-password\" "
                + "minlength=\"10\" required></label>\n"
                + "<label>Repeat it <input type=\"password\" name=\"confirmation\" id=\"confirmation\" autocomplete=\"new-password\" "
                + "required></label>\n<p class=\"hint\">At least 10 characters, mixing three of: lower case, upper case, digits, "
                + "symbols. Not your name or username.</p>\n<button type=\"submit\">Activate</button>\n</form>\n</main>";
    }

    private String signInForm(TenantId tenant, String error, FormTokens.Issued form) {
        return "<main class=\"card\" id=\"kb-signin\">\n<h1>Sign in</h1>\n"
                + (error.isEmpty() ? "" : "<p class=\"notice error\" role=\"alert\" id=\"kb-problem\">" + escape(error) + "</p>\n")
                + "<form method=\"post\" action=\"" + escape(publicUrl.of("/access/signin")) + "\" class=\"stack\">\n"
                + tokenField(form, SIGN_IN_FORM) + "<input type=\"hidden\" name=\"school\" value=\"" + escape(tenant.value()) + "\">\n"
                + "<label>Username <input name=\"username\" id=\"username\" autocomplete=\"username\" required></label>\n"
                + "<label>Password <input type=\"password\" name=\"password\" id=\"password\" autocomplete=\"current-password\" "
                + "required></label>\n<button type=\"submit\">Sign in</button>\n</form>\n</main>";
    }

    private static String problem(String detail) {
        return "<main class=\"card error\" id=\"kb-problem\">\n<h1>That did not work</h1>\n<p class=\"reason\">" + escape(detail)
                + "</p>\n</main>";
    }

    private static String tokenField(FormTokens.Issued form, String name) {
        return "<input type=\"hidden\" name=\"" + FormTokens.FIELD + "\" value=\"" + escape(form.tokenFor(name)) + "\">\n";
    }

    private FormTokens.Issued formTokens() {
        return FormTokens.issue(headers, cookiePath(), secure());
    }

    /** The form's token fits the browser's cookie, and a browser that names the page's origin names ours. */
    private boolean formAccepted(String form, String presented) {
        String origin = headers.getHeaderString("Origin");
        boolean sameOrigin = origin == null || origin.equals(publicUrl.origin());
        return sameOrigin && FormTokens.accepts(headers, form, presented);
    }

    private Response formRefused() {
        return page(403, "Form not accepted", "<main class=\"card error\" id=\"kb-form-refused\">\n<h1>This form was not accepted</h1>\n"
                + "<p class=\"reason\">It did not come from this site's own page, or the page was open in another browser or with "
                + "cookies switched off. Nothing was changed. Open the page again and send it from there.</p>\n</main>");
    }

    private String client() {
        return clientAddress.of(request);
    }

    private TenantId tenantOf(String school) {
        return tenants.require(school).id();
    }

    private String signInUrl(TenantId tenant) {
        return publicUrl.of("/access/signin?school=" + URLEncoder.encode(tenant.value(), StandardCharsets.UTF_8));
    }

    private String cookiePath() {
        String path = URI.create(publicUrl.base()).getPath();
        return (path == null || path.isEmpty() ? "" : path) + "/access";
    }

    private boolean secure() {
        return publicUrl.base().startsWith("https:");
    }

    private static int status(DomainException e) {
        return switch (e.kind()) {
            case FORBIDDEN -> 403;
            case UNAUTHENTICATED -> 401;
            case NOT_FOUND -> 404;
            case TOO_MANY_REQUESTS -> 429;
            default -> 400;
        };
    }

    private Response page(int status, String title, String body) {
        return page(status, title, body, new FormTokens.Issued("", Optional.empty()));
    }

    /** A page whose forms use {@code form}'s tokens: the browser gets the cookie they fit, if it had none. */
    private Response page(int status, String title, String body, FormTokens.Issued form) {
        Response.ResponseBuilder page = Response.status(status).type(HTML).header("Cache-Control", "no-store")
                .entity(Html.page(publicUrl.base(), title + " – Kinbridge", "", body));
        form.setCookie().ifPresent(cookie -> page.header("Set-Cookie", cookie));
        return page.build();
    }
}
