package org.kinbridge.shared;

/**
 * The minimal HTML every server-rendered page needs: escaping and one page frame with our stylesheet.
 * Pages carry no inline script or style, so a strict Content-Security-Policy holds.
 */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A complete page. {@code head} and {@code body} are trusted HTML built by the caller with
     * {@link #escape} around every value that came from outside.
     */
    public static String page(String baseUrl, String title, String head, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + escape(baseUrl) + "/panel/kinbridge.css\">\n"
                + head
                + "</head>\n<body>\n" + body + "\n</body>\n</html>\n";
    }
}
