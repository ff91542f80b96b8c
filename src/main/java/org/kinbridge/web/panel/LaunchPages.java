package org.kinbridge.web.panel;

import static org.kinbridge.shared.Html.escape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.kinbridge.lti.launch.LaunchHandler;
import org.kinbridge.lti.launch.ValidatedLaunch;
import org.kinbridge.lti.session.PanelSessions;
import org.kinbridge.school.MainSchoolAdmins;
import org.kinbridge.school.Tenant;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.ContentSecurityPolicy;
import org.kinbridge.shared.Html;
import org.kinbridge.shared.PublicUrl;

/**
 * Answers a validated launch with the page for the user's role, framed only by the launching platform.
 * The page carries a panel token for the panel's API calls, as third-party cookies cannot be relied on.
 */
@ApplicationScoped
public class LaunchPages implements LaunchHandler {

    @Inject
    private PanelSessions panelSessions;

    @Inject
    private TenantService tenants;

    @Inject
    private PublicUrl publicUrl;

    @Inject
    private ParentLaunchView parentLaunchView;

    @Inject
    private MainSchoolAdmins mainAdmins;

    @Override
    public Response onLaunch(ValidatedLaunch launch) {
        String school = tenants.find(launch.tenant()).map(Tenant::name).orElse("your school");
        if (launch.role() == org.kinbridge.shared.Role.SCHOOL_ADMIN) {
            try {
                mainAdmins.adminLaunched(launch.tenant(), launch.subject(), launch.displayName(), launch.email());
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(LaunchPages.class.getName()).log(java.util.logging.Level.WARNING,
                        "Could not record the admin launch for the main-admin role", e);
            }
        }
        String html = switch (launch.role()) {
            case SCHOOL_ADMIN -> adminPanel(launch, school);
            case PARENT -> parentView(launch, school);
            case OTHER -> explanation(launch, school);
        };
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.framedBy(launch.platformOrigins()))
                .build();
    }

    private String adminPanel(ValidatedLaunch launch, String school) {
        String head = sessionMeta(launch)
                + "<script type=\"module\" src=\"" + escape(publicUrl.of("/panel/app.js")) + "\"></script>\n";
        String body = "<div class=\"panel\" id=\"kb-admin\" data-role=\"admin\">\n"
                + header(school, launch.displayName(), "School administrator")
                + "<nav class=\"tabs\" aria-label=\"Kinbridge sections\">\n"
                + navLink("families", "Families") + navLink("accounts", "Accounts")
                + navLink("imports", "Imports") + navLink("linked-products", "Linked products") + navLink("audit", "Audit")
                + "</nav>\n<main id=\"kb-view\" aria-live=\"polite\"><p class=\"loading\">Loading…</p></main>\n</div>";
        return Html.page(publicUrl.base(), "Kinbridge – " + school, head, body);
    }

    private String parentView(ValidatedLaunch launch, String school) {
        String rostered = parentLaunchView.forLaunch(launch, school).orElse(null);
        String children = launch.menteeIds().isEmpty()
                ? "<p class=\"empty\" id=\"kb-no-children\">Nobody is linked to your account yet. "
                        + "Your school links parents to their children from its records; if you expected to see "
                        + "your children here, please contact " + escape(school) + ".</p>\n"
                : "<ul class=\"children\" id=\"kb-children\">\n" + launch.menteeIds().stream()
                        .map(id -> "<li class=\"child\" data-mentee=\"" + escape(id) + "\">" + escape(id) + "</li>")
                        .collect(Collectors.joining("\n")) + "\n</ul>\n";
        String body = "<div class=\"panel\" id=\"kb-parent\" data-role=\"parent\">\n"
                + header(school, launch.displayName(), "Parent or guardian")
                + (rostered != null ? rostered : "<main>\n<h2>Your children</h2>\n" + children + "</main>\n") + "</div>";
        return Html.page(publicUrl.base(), "Kinbridge – your children", sessionMeta(launch), body);
    }

    private String explanation(ValidatedLaunch launch, String school) {
        String body = "<div class=\"panel\" id=\"kb-about\" data-role=\"other\">\n"
                + header(school, launch.displayName(), "")
                + "<main class=\"card\">\n<h2>What Kinbridge is for</h2>\n"
                + "<p>Kinbridge gives parents and guardians access to their children's school information, "
                + "linked from the school's roster. School administrators manage families, parent accounts "
                + "and links to other school products here.</p>\n"
                + "<p>There is nothing here for your role. If you need access, ask your school's administrator.</p>\n"
                + "</main>\n</div>";
        return Html.page(publicUrl.base(), "About Kinbridge", "", body);
    }

    private String sessionMeta(ValidatedLaunch launch) {
        return "<meta name=\"kb-token\" content=\"" + escape(panelSessions.issue(launch)) + "\">\n"
                + "<meta name=\"kb-base\" content=\"" + escape(publicUrl.base()) + "\">\n";
    }

    private static String header(String school, String user, String roleLabel) {
        return "<header class=\"topbar\">\n<span class=\"brand\">Kinbridge</span>\n"
                + "<span class=\"school\" id=\"kb-school\">" + escape(school) + "</span>\n"
                + "<span class=\"user\" id=\"kb-user\">" + escape(user)
                + (roleLabel.isEmpty() ? "" : " · " + escape(roleLabel)) + "</span>\n</header>\n";
    }

    private static String navLink(String section, String label) {
        return "<a href=\"#" + section + "\" data-section=\"" + section + "\">" + label + "</a>\n";
    }
}
