package cn.renda.proposals.paper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The CJK font of the printed documents: Noto Serif SC Regular (SIL Open Font License 1.1, which allows embedding),
 * fetched by the build from the npm registry onto the classpath under {@code fonts/} with its licence beside it. Read
 * once and kept: every PDF embeds the subset of it that its text uses.
 */
@Component
class LetterFont {

  static final String FAMILY = "Noto Serif SC";
  static final String RESOURCE = "fonts/NotoSerifSC_400Regular.ttf";

  private volatile byte[] bytes;

  byte[] bytes() {
    byte[] loaded = bytes;
    if (loaded == null) {
      synchronized (this) {
        loaded = bytes;
        if (loaded == null) {
          loaded = read();
          bytes = loaded;
        }
      }
    }
    return loaded;
  }

  private static byte[] read() {
    ClassPathResource font = new ClassPathResource(RESOURCE);
    if (!font.exists()) {
      // the build puts it there (pom.xml, execution "letter-font"); a run from an IDE may have skipped that phase
      throw new IllegalStateException("The letter font " + RESOURCE + " is not on the classpath: build the project "
          + "with Maven (generate-resources fetches it)");
    }
    try (InputStream in = font.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the letter font " + RESOURCE, e);
    }
  }
}
