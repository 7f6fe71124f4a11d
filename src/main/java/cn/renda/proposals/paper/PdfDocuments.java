package cn.renda.proposals.paper;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Prints a Thymeleaf template ({@code templates/paper/}) as PDF: the template is well-formed XHTML with the page
 * layout in CSS paged media (A4, margins, page numbers), rendered with the embedded letter font.
 */
@Component
class PdfDocuments {

  private final ITemplateEngine templates;
  private final LetterFont font;

  PdfDocuments(ITemplateEngine templates, LetterFont font) {
    this.templates = templates;
    this.font = font;
  }

  byte[] render(String template, Map<String, Object> model) {
    String html = templates.process(template, new Context(Locale.SIMPLIFIED_CHINESE, model));
    byte[] fontBytes = font.bytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new PdfRendererBuilder()
          .useFastMode()
          .useFont(() -> new ByteArrayInputStream(fontBytes), LetterFont.FAMILY, 400, FontStyle.NORMAL, true)
          .withHtmlContent(html, null)
          .toStream(out)
          .run();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot print " + template, e);
    }
    return out.toByteArray();
  }
}
