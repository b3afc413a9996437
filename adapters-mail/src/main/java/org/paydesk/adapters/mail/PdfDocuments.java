package org.paydesk.adapters.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.paydesk.application.notification.DocumentValues;

/**
 * Renders an invoice or a statement ({@link DocumentValues}) as a one-column A4 PDF with Apache PDFBox: heading,
 * customer, one row per invoice (number, issued, due, amount, open), and the total to pay; as many pages as the rows
 * need. Uses the standard Helvetica fonts, so nothing is embedded and nothing is read from the server's fonts; a
 * character those fonts cannot show is printed as {@code ?} rather than failing the mail.
 */
final class PdfDocuments {

    // Page layout in PDF points (1/72 inch); whole numbers, as ints (no floating-point fields in Paydesk).
    private static final int MARGIN = 50;
    private static final int ROW = 16;
    private static final int[] COLUMNS = {MARGIN, 190, 280, 370, 460};
    private static final String[] HEADINGS = {"Invoice", "Issued", "Due", "Amount", "Open"};

    /**
     * PDFBox logs an ERROR with a stack trace when it first loads, because Java 17 does not let it unmap memory-mapped
     * buffers; it works without (this class maps no files). The logger is held here so its level stays set.
     */
    private static final Logger PDFBOX_UNMAPPER = Logger.getLogger("org.apache.pdfbox.io.IOUtils");

    static {
        PDFBOX_UNMAPPER.setLevel(Level.OFF);
    }

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    /** The PDF's bytes. */
    byte[] render(DocumentValues document) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(printable(document.title()));
            info.setCreator("Paydesk");
            List<DocumentValues.Line> lines = document.lines();
            int index = 0;
            do {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                float top = page.getMediaBox().getHeight() - MARGIN;
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    float y = top;
                    if (index == 0) {
                        text(content, bold, 18, MARGIN, y, document.title());
                        y -= 26;
                        text(content, regular, 11, MARGIN, y, "Bill to: " + document.customer());
                        y -= 28;
                    }
                    for (int c = 0; c < HEADINGS.length; c++) {
                        text(content, bold, 10, COLUMNS[c], y, HEADINGS[c]);
                    }
                    y -= ROW;
                    while (index < lines.size() && y > MARGIN + 3 * ROW) {
                        DocumentValues.Line line = lines.get(index++);
                        String[] cells = {line.number(), line.issueDate(), line.dueDate(), line.originalAmount(),
                                line.openBalance()};
                        for (int c = 0; c < cells.length; c++) {
                            text(content, regular, 10, COLUMNS[c], y, cells[c]);
                        }
                        y -= ROW;
                    }
                    if (index >= lines.size()) {
                        y -= ROW / 2f;
                        text(content, bold, 12, MARGIN, y, "Total to pay: " + document.total());
                    }
                }
            } while (index < lines.size());
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException failed) {
            throw new UncheckedIOException("the PDF " + document.fileName() + " could not be made", failed);
        }
    }

    private void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(text, font));
        content.endText();
    }

    private String printable(String text) {
        return printable(text, regular);
    }

    /** The text with every character the font cannot encode replaced by {@code ?}. */
    private static String printable(String text, PDType1Font font) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            try {
                font.encode(character);
                shown.append(Character.isISOControl(codePoint) ? " " : character);
            } catch (IOException | IllegalArgumentException notInFont) {
                shown.append('?');
            }
        });
        return shown.toString();
    }
}
