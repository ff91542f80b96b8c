package org.kinbridge.access.letters;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.kinbridge.access.BulkActions;

/** Renders welcome letters with OpenPDF: one A4 page per parent. The codes exist only in the returned bytes. */
@ApplicationScoped
public class LetterPrinter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);
    private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 13, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 11);
    private static final Font CODE = new Font(Font.COURIER, 18, Font.BOLD);
    private static final Font URL = new Font(Font.COURIER, 8);

    public byte[] print(BulkActions.Printed printed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 64, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Welcome letters – " + printed.school());
            document.open();
            boolean first = true;
            for (BulkActions.Letter letter : printed.letters()) {
                if (!first) {
                    document.newPage();
                }
                first = false;
                page(document, printed, letter);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render the letters", e);
        }
        return out.toByteArray();
    }

    private static void page(Document document, BulkActions.Printed printed, BulkActions.Letter letter) throws DocumentException {
        document.add(new Paragraph(printed.school(), TITLE));
        document.add(new Paragraph("Your parent account", HEADING));
        document.add(spaced(new Paragraph("Dear " + letter.name() + ",", BODY)));
        String children = letter.children().isEmpty() ? "your children" : String.join(", ", letter.children());
        document.add(spaced(new Paragraph(printed.school() + " has set up a parent account for you, where you can see "
                + "information about " + children + ".", BODY)));
        document.add(spaced(new Paragraph("Children: " + children, BODY)));
        document.add(spaced(new Paragraph("To activate your account:", HEADING)));
        document.add(new Paragraph("1. Open this address in a web browser:", BODY));
        document.add(new Paragraph(printed.activationPage(), URL));
        document.add(new Paragraph("2. Enter this one-time code:", BODY));
        document.add(spaced(new Paragraph(letter.code(), CODE)));
        document.add(new Paragraph("3. Choose a password of at least 10 characters (mix upper and lower case, digits and symbols).",
                BODY));
        document.add(new Paragraph("4. Afterwards, sign in with your username: " + letter.username(), BODY));
        document.add(spaced(new Paragraph("The code works once and expires on " + DAY.format(letter.expires())
                + ". A new letter or email replaces it. Keep this letter private; if you did not expect it, contact "
                + printed.school() + ".", BODY)));
    }

    private static Paragraph spaced(Paragraph paragraph) {
        paragraph.setSpacingBefore(10);
        return paragraph;
    }
}
