package org.kinbridge.access.parent;

import static org.kinbridge.shared.Html.escape;

import java.util.List;
import java.util.stream.Collectors;
import org.kinbridge.access.ParentAccess;

/** The parent's view as HTML: their linked children and each child's school, and nothing else. */
public final class ParentView {

    private ParentView() {
    }

    public static String html(String school, List<ParentAccess.Child> children) {
        if (children.isEmpty()) {
            return "<main>\n<h2>Your children</h2>\n<p class=\"empty\" id=\"kb-no-children\">No current student is linked to you at "
                    + escape(school) + ". If you expected to see your children here, please contact the school.</p>\n</main>\n";
        }
        return "<main>\n<h2>Your children</h2>\n<ul class=\"children\" id=\"kb-children\">\n" + children.stream()
                .map(c -> "<li class=\"child\" data-child=\"" + escape(c.sourcedId()) + "\"><span class=\"name\">"
                        + escape(((c.givenName() == null ? "" : c.givenName()) + " " + (c.familyName() == null ? "" : c.familyName())).trim())
                        + "</span> <span class=\"school\">" + escape(c.school())
                        + (c.orgSourcedIds().isEmpty() ? "" : " (" + escape(String.join(", ", c.orgSourcedIds())) + ")")
                        + "</span></li>")
                .collect(Collectors.joining("\n")) + "\n</ul>\n</main>\n";
    }

    /** What a parent whose access is switched off sees: no names, no data. */
    public static String refused(String school) {
        return "<main>\n<p class=\"notice\" id=\"kb-no-access\">Your access is switched off. Please contact " + escape(school)
                + ".</p>\n</main>\n";
    }
}
